package io.gatehouse.console;

import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.sso.SsoPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console door's security: the same database sessions as the API (the session cookie set at sign-in), CSRF
 * tokens on every form post, a redirect to the sign-in page for anyone not signed in. Ordered before the API's
 * chain, which handles every other path. What each person may do is decided by the feature services.
 */
@Configuration
class ConsoleSecurityConfiguration {

	static final String SIGN_IN = "/console/sign-in";

	/**
	 * Pages for people who are not signed in: the sign-in steps, and the pages that mailed links and the forgotten
	 * password form open (the link's token is the proof there).
	 */
	static final String[] PUBLIC = { SIGN_IN, SIGN_IN + "/second-factor", SsoPages.COMPLETE, "/console/forgot-password",
			"/console/password-reset", "/console/invitations/accept", "/console/email/confirm" };

	/**
	 * The console's content security policy; {@code formActions} are further targets a form of the page may end up
	 * at (a browser checks form-action at every redirect that follows a form post).
	 */
	static String policy(String formActions) {
		return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
				+ "form-action 'self'" + formActions + "; frame-ancestors 'none'; base-uri 'self'";
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain consoleSecurity(HttpSecurity http, Authenticator authenticator, SessionCookies cookies,
			ConsoleCsrf csrf) throws Exception {
		http.securityMatcher("/", "/console", "/console/**")
			.csrf(c -> c.csrfTokenRepository(csrf.repository()))
			// No HTTP session: the Gatehouse session in the database is the only one, shared by every node. Session
			// management stays off, or it would treat every request as a fresh sign-in and rotate the CSRF token,
			// failing any form already open in another tab or next to an htmx request.
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy("")))
				// a mailed link's token is in the page's address: no link on any page may send it on as a Referer
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.addFilterAfter(new ConsoleAuthenticationFilter(authenticator, cookies), CsrfFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/").permitAll()
				.requestMatchers(PUBLIC).permitAll()
				.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> ConsoleRedirects.send(request, response,
						ConsoleRedirects.signInReturningTo(request)))
				.accessDeniedHandler((request, response, ex) -> {
					// the only refusal made here is a missing or stale CSRF token, e.g. a form left open past sign-out
					response.setStatus(HttpStatus.FORBIDDEN.value());
					request.getRequestDispatcher("/console/csrf-refused").forward(request, response);
				}));
		return http.build();
	}
}
