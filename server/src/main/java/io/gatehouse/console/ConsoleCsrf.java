package io.gatehouse.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Where the console keeps its CSRF token: an HttpOnly, SameSite=Strict cookie on {@code /console} that every form
 * echoes in a hidden field (htmx requests in a header). The console has pages before any session (sign-in,
 * mailed links), so its token cannot be the session's as the API door's is.
 */
@Component
public class ConsoleCsrf {

	static final String COOKIE = "GATEHOUSE_CONSOLE_CSRF";

	static final String HEADER = "X-CSRF-TOKEN";

	private final CookieCsrfTokenRepository repository;

	ConsoleCsrf() {
		repository = new CookieCsrfTokenRepository();
		repository.setCookieName(COOKIE);
		repository.setHeaderName(HEADER);
		repository.setCookiePath("/console");
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
	}

	CookieCsrfTokenRepository repository() {
		return repository;
	}

	/** A new token at every sign-in and sign-out: nothing planted before survives it. */
	public void renew(HttpServletRequest request, HttpServletResponse response) {
		repository.saveToken(repository.generateToken(request), request, response);
	}
}
