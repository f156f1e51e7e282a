package io.gatehouse.sso.saml;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.SignInStep;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.sso.IdentityProviders;
import io.gatehouse.sso.SsoPages;
import io.gatehouse.sso.SsoSettings;
import io.gatehouse.sso.SsoSignIn;
import io.gatehouse.web.ClientAddress;
import org.codelibs.saml2.core.authn.SamlResponse;
import org.codelibs.saml2.core.http.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SAML 2.0 service provider's addresses: its metadata, the start of a sign-in (a signed AuthnRequest by
 * HTTP-Redirect) and the Assertion Consumer Service (HTTP-POST). An answer counts only for a request this server sent,
 * from the same browser (a cookie of its own, against login CSRF), not answered before, and its assertion only once.
 */
@Controller
class SamlEndpoints {

	private static final Logger log = LoggerFactory.getLogger(SamlEndpoints.class);

	static final String BROWSER_COOKIE = "gatehouse_saml";

	private static final int MAX_RESPONSE = 400_000;

	private final IdentityProviders providers;

	private final SamlServiceProvider serviceProvider;

	private final SamlRequests requests;

	private final SsoSignIn ssoSignIn;

	private final SsoSettings settings;

	private final Clock clock;

	SamlEndpoints(IdentityProviders providers, SamlServiceProvider serviceProvider, SamlRequests requests,
			SsoSignIn ssoSignIn, SsoSettings settings, Clock clock) {
		this.providers = providers;
		this.serviceProvider = serviceProvider;
		this.requests = requests;
		this.ssoSignIn = ssoSignIn;
		this.settings = settings;
		this.clock = clock;
	}

	/** What to give the identity provider: the entity id, the ACS and the signing certificate. */
	@GetMapping(SamlServiceProvider.METADATA + "{alias}")
	ResponseEntity<String> metadata(@PathVariable String alias) {
		return providers.samlClient(alias, false)
			.map(client -> ResponseEntity.ok()
				.contentType(MediaType.valueOf("application/samlmetadata+xml"))
				.body(serviceProvider.metadata(client, baseUrl())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping(SamlServiceProvider.START + "{alias}")
	void start(@PathVariable String alias, @RequestParam(required = false) String next, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<IdentityProviders.SamlClient> client = providers.samlClient(alias, true);
		if (client.isEmpty()) {
			response.sendRedirect(request.getContextPath() + "/console/sign-in");
			return;
		}
		SamlServiceProvider.Sent sent = serviceProvider.authnRequest(client.get(), baseUrl());
		String browser = RandomSecrets.generate();
		requests.sent(sent.requestId(), client.get().provider().id(), RandomSecrets.hash(browser),
				SsoPages.isSafeReturn(next) ? next : null, clock.instant().plus(settings.signInTimeout()));
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(BROWSER_COOKIE, browser)
			.httpOnly(true)
			.secure(request.isSecure())
			// the answer is a form the provider's page posts here: cross-site, so None where it can be (https)
			.sameSite(request.isSecure() ? "None" : "Lax")
			.path("/sso/saml/")
			.maxAge(settings.signInTimeout())
			.build()
			.toString());
		response.sendRedirect(sent.location());
	}

	@PostMapping(SamlServiceProvider.ACS + "{alias}")
	void consume(@PathVariable String alias, @RequestParam(name = "SAMLResponse", required = false) String answer,
			HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		String clientIp = ClientAddress.of(request);
		String reason = null;
		String returnTo = null;
		Map<String, Object> claims = null;
		Optional<IdentityProviders.SamlClient> client = providers.samlClient(alias, true);
		String browser = browserSecret(request);
		String requestId = answer == null || answer.length() > MAX_RESPONSE ? null
				: SamlServiceProvider.inResponseTo(answer);
		if (client.isEmpty()) {
			reason = "provider-disabled";
		}
		else if (requestId == null || requestId.isEmpty() || requestId.length() > 100 || browser == null) {
			reason = "saml-request-unknown";
		}
		else {
			Optional<SamlRequests.Taken> taken = requests.take(requestId, client.get().provider().id(),
					RandomSecrets.hash(browser));
			if (taken.isEmpty()) {
				reason = "saml-request-unknown";
			}
			else {
				returnTo = taken.get().returnTo();
				String base = baseUrl();
				try {
					SamlResponse saml = new SamlResponse(serviceProvider.settings(client.get(), base),
							new HttpRequest(SamlServiceProvider.acsUrl(base, alias),
									Map.of("SAMLResponse", List.of(answer)), null));
					if (!saml.isValid(requestId)) {
						log.info("SAML answer from {} refused: {}", alias, saml.getError());
						reason = "saml-invalid";
					}
					else if (!saml.getAudiences().contains(SamlServiceProvider.entityId(base, alias))) {
						reason = "saml-audience";
					}
					else if (!requests.firstUse(saml.getAssertionId(), keepUntil(saml))) {
						reason = "saml-replayed";
					}
					else {
						claims = SamlServiceProvider.claims(saml.getNameId(), saml.getNameIdFormat(),
								saml.getAttributes());
					}
				}
				catch (Exception ex) {
					log.info("SAML answer from {} could not be read: {}", alias, ex.toString());
					reason = "saml-invalid";
				}
			}
		}
		if (reason != null) {
			ssoSignIn.refused("saml", alias.length() > 40 ? alias.substring(0, 40) : alias, clientIp, reason);
			request.setAttribute(SsoPages.REFUSAL, "The sign-in with your identity provider did not succeed; try again.");
		}
		else {
			try {
				SignInStep step = ssoSignIn.complete("saml", alias, claims, clientIp,
						request.getHeader(HttpHeaders.USER_AGENT));
				request.setAttribute(SsoPages.STEP, step);
			}
			catch (DomainException ex) {
				request.setAttribute(SsoPages.REFUSAL, ex.getMessage());
			}
		}
		if (returnTo != null) {
			request.setAttribute(SsoPages.RETURN_TO, returnTo);
		}
		// the console page that lands the person is a GET page; the provider's form post ends here
		request.getRequestDispatcher(SsoPages.COMPLETE).forward(new AsGet(request), response);
	}

	/** Kept as long as the assertion could be accepted, plus the clock skew allowed. */
	private Instant keepUntil(SamlResponse saml) {
		Instant latest = clock.instant().plus(settings.signInTimeout());
		for (Instant notOnOrAfter : saml.getAssertionNotOnOrAfter()) {
			if (notOnOrAfter != null && notOnOrAfter.isAfter(latest)) {
				latest = notOnOrAfter;
			}
		}
		return latest.plusSeconds(300);
	}

	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static String browserSecret(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (BROWSER_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()
					&& cookie.getValue().length() <= 64) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}
	}
}
