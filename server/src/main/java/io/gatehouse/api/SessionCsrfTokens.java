package io.gatehouse.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SessionCsrf;
import io.gatehouse.shared.RandomSecrets;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token a cookie write must echo: derived from the session cookie it comes with ({@link SessionCsrf}), so
 * it holds for the session's whole life on every node, dies with the session, and a token of another session does
 * not match. Nothing is saved per request: the {@code XSRF-TOKEN} cookie is written once, at sign-in, as a copy for
 * scripts, and no answer afterwards can take it away.
 */
class SessionCsrfTokens implements CsrfTokenRepository {

	static final String HEADER = "X-XSRF-TOKEN";

	private static final String PARAMETER = "_csrf";

	private final SessionCookies cookies;

	SessionCsrfTokens(SessionCookies cookies) {
		this.cookies = cookies;
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return cookies.secret(request)
			.map(secret -> (CsrfToken) new DefaultCsrfToken(HEADER, PARAMETER, SessionCsrf.tokenOf(secret)))
			.orElse(null);
	}

	/** Only asked for when the request has no session cookie: a token nobody holds, which matches nothing. */
	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return new DefaultCsrfToken(HEADER, PARAMETER, RandomSecrets.generate());
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		// nothing to keep: the token is a function of the session
	}
}
