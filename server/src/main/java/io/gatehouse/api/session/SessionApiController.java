package io.gatehouse.api.session;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.api.ClientAddress;
import io.gatehouse.api.users.UserJson;
import io.gatehouse.auth.SessionSettings;
import io.gatehouse.auth.SignIn;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.shared.Actor;
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

/** Signing in with a password (a session cookie) and signing out. */
@RestController
@RequestMapping("/api/v1/session")
class SessionApiController {

	private final SignIn signIn;

	private final SessionSettings settings;

	private final CsrfTokenRepository csrfTokens;

	SessionApiController(SignIn signIn, SessionSettings settings, CsrfTokenRepository csrfTokens) {
		this.signIn = signIn;
		this.settings = settings;
		this.csrfTokens = csrfTokens;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SessionJson> signIn(@RequestBody SignInRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		StartedSession session = signIn.withPassword(body.login(), body.password(), ClientAddress.of(request),
				request.getHeader(HttpHeaders.USER_AGENT));
		// a fresh session id and a fresh CSRF token at every sign-in: nothing planted before it survives it
		CsrfToken csrf = csrfTokens.generateToken(request);
		csrfTokens.saveToken(csrf, request, response);
		// added to the servlet response, next to the CSRF cookie: a ResponseEntity header would replace that one
		response.addHeader(HttpHeaders.SET_COOKIE,
				sessionCookie(request, session.secret(), Duration.between(Instant.now(), session.expiresAt())).toString());
		return ResponseEntity.ok()
			.body(new SessionJson(UserJson.of(session.user()), session.expiresAt(),
					session.user().mustChangePassword(), csrf.getToken()));
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
