package io.gatehouse.scim;

import io.gatehouse.auth.Authenticator;
import io.gatehouse.provisioning.ScimClientManagement;
import io.gatehouse.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The SCIM door's security: bearer tokens of registered SCIM clients only ({@link ScimAuthenticationFilter}); no
 * cookies, so no CSRF to guard against. Ordered before the API's chain, which would otherwise match every path.
 */
@Configuration
class ScimSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain scimSecurity(HttpSecurity http, Authenticator authenticator, ScimClientManagement clients)
			throws Exception {
		http.securityMatcher("/scim/**")
			.csrf(csrf -> csrf.disable())
			.headers(headers -> {
				headers.defaultsDisabled();
				SecurityHeaders.writers().forEach(headers::addHeaderWriter);
			})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.anonymous(anonymous -> anonymous.disable())
			.addFilterBefore(new ScimAuthenticationFilter(authenticator, clients), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> ScimErrors.write(response, 401, null,
						"Send the SCIM client's token as 'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, ex) -> ScimErrors.write(response, 403, null,
						"This SCIM client may not do this.")));
		return http.build();
	}
}
