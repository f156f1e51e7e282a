package io.gatehouse.api.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.api.ClientAddress;
import io.gatehouse.api.users.UserViews;
import io.gatehouse.auth.SecondFactorRequired;
import io.gatehouse.auth.SessionSettings;
import io.gatehouse.auth.SignIn;
import io.gatehouse.auth.SignInStep;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.shared.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
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

	private final SignIn signIn;

	private final SessionSettings settings;

	private final CsrfTokenRepository csrfTokens;

	private final UserViews views;

	SessionApiController(SignIn signIn, SessionSettings settings, CsrfTokenRepository csrfTokens, UserViews views) {
		this.signIn = signIn;
		this.settings = settings;
		this.csrfTokens = csrfTokens;
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
		csrfTokens.saveToken(null, request, response);
		return ResponseEntity.status(HttpStatus.NO_CONTENT)
			.header(HttpHeaders.SET_COOKIE, sessionCookie(request, "", Duration.ZERO).toString())
			.build();
	}

	private ResponseEntity<SessionJson> started(StartedSession session, HttpServletRequest request,
			HttpServletResponse response) {
		// a fresh session id and a fresh CSRF token at every sign-in: nothing planted before it survives it
		CsrfToken csrf = csrfTokens.generateToken(request);
		csrfTokens.saveToken(csrf, request, response);
		// added to the servlet response, next to the CSRF cookie: a ResponseEntity header would replace that one
		response.addHeader(HttpHeaders.SET_COOKIE,
				sessionCookie(request, session.secret(), Duration.between(Instant.now(), session.expiresAt())).toString());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new SessionJson(views.of(session.user()), session.expiresAt(),
					session.user().mustChangePassword(), session.mfaEnrolmentRequired(), csrf.getToken()));
	}

	private ResponseCookie sessionCookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(settings.cookieName(), value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}
}
