package io.gatehouse.sso.oidc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.gatehouse.jobs.OnceAcrossNodes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.sso.SsoPages;
import io.gatehouse.sso.SsoSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization requests of sign-ins under way (state, nonce, PKCE verifier), in the database rather than an HTTP
 * session, so the node the provider sends the browser back to need not be the one that sent it there. A request is
 * found by its state, used once, expires, and only counts for the browser that started it (a cookie of its own):
 * a state alone, handed to someone else's browser, signs nobody in (login CSRF).
 */
@Component
class PendingSignIns implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String BROWSER_COOKIE = "gatehouse_sso";

	/** The request attribute holding the console page a sign-in started from. */
	static final String RETURN_TO = PendingSignIns.class.getName() + ".returnTo";

	private static final ObjectInputFilter ONLY_REQUESTS = ObjectInputFilter.Config.createFilter(
			"maxdepth=20;maxbytes=65536;java.lang.*;java.util.*;java.time.*;"
					+ "org.springframework.security.oauth2.core.**;!*");

	private final PendingStore store;

	private final SsoSettings settings;

	private final Clock clock;

	private final OnceAcrossNodes once;

	PendingSignIns(PendingStore store, SsoSettings settings, Clock clock, OnceAcrossNodes once) {
		this.once = once;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		return pending(request).map(p -> read(p.request())).orElse(null);
	}

	@Override
	@Transactional
	public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
			HttpServletResponse response) {
		if (authorizationRequest == null) {
			removeAuthorizationRequest(request, response);
			return;
		}
		String browser = RandomSecrets.generate();
		Instant expiresAt = clock.instant().plus(settings.signInTimeout());
		String next = request.getParameter("next");
		store.insert(RandomSecrets.hash(authorizationRequest.getState()), RandomSecrets.hash(browser),
				write(authorizationRequest), SsoPages.isSafeReturn(next) ? next : null, expiresAt);
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(BROWSER_COOKIE, browser)
			.httpOnly(true)
			.secure(request.isSecure())
			// Lax: the provider sends the browser back with a top-level GET, which carries it
			.sameSite("Lax")
			.path("/sso/")
			.maxAge(settings.signInTimeout())
			.build()
			.toString());
	}

	@Override
	@Transactional
	public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		Optional<PendingStore.Pending> found = pending(request);
		if (found.isEmpty() || !store.delete(RandomSecrets.hash(request.getParameter(OAuth2ParameterNames.STATE)))) {
			return null;
		}
		if (found.get().returnTo() != null) {
			request.setAttribute(RETURN_TO, found.get().returnTo());
		}
		return read(found.get().request());
	}

	private Optional<PendingStore.Pending> pending(HttpServletRequest request) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		String browser = browserSecret(request);
		if (state == null || state.isEmpty() || state.length() > 200 || browser == null) {
			return Optional.empty();
		}
		return store.find(RandomSecrets.hash(state), clock.instant())
			.filter(p -> p.browserHash().equals(RandomSecrets.hash(browser)));
	}

	private static String browserSecret(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (BROWSER_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty() && cookie.getValue().length() <= 64) {
				return cookie.getValue();
			}
		}
		return null;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@Transactional
	void deleteExpired() {
		once.run("sso.pending-sign-ins", Duration.ofMinutes(10), () -> store.deleteExpired(clock.instant()));
	}

	private static String write(OAuth2AuthorizationRequest request) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(request);
		}
		catch (IOException ex) {
			throw new IllegalStateException("An authorization request could not be written", ex);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static OAuth2AuthorizationRequest read(String stored) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))) {
			in.setObjectInputFilter(ONLY_REQUESTS);
			return (OAuth2AuthorizationRequest) in.readObject();
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			return null;
		}
	}
}
