package io.gatehouse.api.session;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.api.users.UserViews;
import io.gatehouse.auth.SecondFactorRequired;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SignIn;
import io.gatehouse.auth.SignInStep;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.shared.Actor;
import io.gatehouse.web.ClientAddress;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in (a password, then a second factor when the user has one: {@code 202} with a challenge), and signing
 * out. Only a complete sign-in sets the session cookie.
 */
@RestController
@RequestMapping("/api/v1/session")
class SessionApiController {

	private static final String CSRF_COOKIE = "XSRF-TOKEN";

	private final SignIn signIn;

	private final SessionCookies cookies;

	private final UserViews views;

	SessionApiController(SignIn signIn, SessionCookies cookies, UserViews views) {
		this.signIn = signIn;
		this.cookies = cookies;
		this.views = views;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> signIn(@RequestBody SignInRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		SignInStep step = signIn.withPassword(body.login(), body.password(), ClientAddress.of(request),
				request.getHeader(HttpHeaders.USER_AGENT));
		if (step instanceof SecondFactorRequired challenge) {
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.cacheControl(CacheControl.noStore())
				.body(new SecondFactorJson("second-factor", challenge.challenge(), challenge.expiresAt(),
						List.of("totp", "recovery-code")));
		}
		return started((StartedSession) step, request, response);
	}

	@PostMapping(path = "/second-factor", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SessionJson> secondFactor(@RequestBody SecondFactorRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		StartedSession session = signIn.withSecondFactor(body.challenge(), body.code(), body.recoveryCode(),
				ClientAddress.of(request), request.getHeader(HttpHeaders.USER_AGENT));
		return started(session, request, response);
	}

	@DeleteMapping
	ResponseEntity<Void> signOut(Actor actor, HttpServletRequest request, HttpServletResponse response) {
		if (actor.sessionId() != null) {
			signIn.signOut(actor);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, csrfCookie(request, "", Duration.ZERO).toString());
		response.addHeader(HttpHeaders.SET_COOKIE, cookies.clear(request).toString());
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	private ResponseEntity<SessionJson> started(StartedSession session, HttpServletRequest request,
			HttpServletResponse response) {
		// a fresh session at every sign-in, and with it a fresh CSRF token: nothing planted before survives it; the
		// token is the session's own, so it holds until the session ends
		ResponseCookie sessionCookie = cookies.issue(request, session);
		response.addHeader(HttpHeaders.SET_COOKIE,
				csrfCookie(request, session.csrfToken(), sessionCookie.getMaxAge()).toString());
		response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie.toString());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new SessionJson(views.of(session.user()), session.expiresAt(),
					session.user().mustChangePassword(), session.mfaEnrolmentRequired(), session.csrfToken()));
	}

	/** Readable by the page's scripts on purpose; Secure follows the request, SameSite as for the session. */
	private static ResponseCookie csrfCookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(CSRF_COOKIE, value)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}
}
