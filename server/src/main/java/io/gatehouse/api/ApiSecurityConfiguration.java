package io.gatehouse.api;

import java.util.Set;

import io.gatehouse.access.AccessControl;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.provisioning.ScimClientManagement;
import io.gatehouse.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API door's security: who is calling (session cookie or bearer token, see {@link ActorAuthenticationFilter}),
 * CSRF protection for cookie-authenticated writes, and problem details for every refusal. What each caller may do
 * is decided by the feature services, not here. Also the security headers of every response ({@link SecurityHeaders}).
 */
@Configuration
class ApiSecurityConfiguration {

	private static final Set<String> LINK_PATHS = Set.of("/api/v1/invitations/accept",
			"/api/v1/password-resets", "/api/v1/password-resets/complete", "/api/v1/email-confirmations");

	/**
	 * No Spring Security observations: the property management.observations.enable.spring.security=false only
	 * makes them no-ops, while the filter chain is still wrapped for them on every request.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, Authenticator authenticator, SessionCookies cookies,
			ProblemWriter problems, AccessControl access, ScimClientManagement scimClients) throws Exception {
		// A bearer token is not sent by browsers on their own, so such requests cannot be forged cross-site.
		RequestMatcher bearer = request -> request.getHeader("Authorization") != null;
		// Sign-in accepts only application/json, which a cross-site form cannot send without a CORS preflight.
		RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/session");
		// The mailed-link endpoints (accept an invitation, reset a password, confirm an email) authenticate by the
		// link's token in a JSON body, not by a cookie: like sign-in, nothing ambient for a forged request to ride on.
		RequestMatcher byLink = request -> HttpMethod.POST.matches(request.getMethod())
				&& LINK_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
		RequestMatcher secondFactor = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.POST, "/api/v1/session/second-factor");
		// Without a session cookie there is nothing ambient to forge with: such a write is simply unauthenticated.
		RequestMatcher noSession = request -> cookies.secret(request).isEmpty();
		// The token is the session's own (SessionCsrfTokens), returned at sign-in and kept in a readable cookie
		// (XSRF-TOKEN), echoed in X-XSRF-TOKEN: masking it against BREACH would add nothing, since a script of the
		// page reads it in clear anyway.
		http.csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens(cookies))
			.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
			.ignoringRequestMatchers(bearer, noSession, signIn, secondFactor, byLink))
			// the same headers as the answers given outside any door (SecurityHeaders)
			.headers(headers -> {
				headers.defaultsDisabled();
				SecurityHeaders.writers().forEach(headers::addHeaderWriter);
			})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterAfter(new ActorAuthenticationFilter(authenticator, cookies, problems, scimClients), CsrfFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/session", "/api/v1/session/second-factor").permitAll()
				.requestMatchers(byLink).permitAll()
				.requestMatchers("/api/openapi", "/api/openapi/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
				.requestMatchers("/actuator/prometheus", "/actuator/prometheus/**").access(new MetricsAccess(access))
				.requestMatchers("/api/**").authenticated()
				.anyRequest().permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "unauthenticated",
						"Unauthenticated", "Sign in, or send a personal access token as 'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, ex) -> {
					if (ex instanceof CsrfException) {
						problems.write(response, 403, "csrf-token-invalid", "CSRF token missing or invalid",
								"A write with a session cookie must send the session's CSRF token (the csrfToken of the "
										+ "sign-in, also in the XSRF-TOKEN cookie) in the X-XSRF-TOKEN header.");
					}
					else {
						problems.write(response, 403, "forbidden", "Forbidden",
								"This needs a permission you do not hold: the metrics need settings:read on the instance.");
					}
				}));
		return http.build();
	}
}
