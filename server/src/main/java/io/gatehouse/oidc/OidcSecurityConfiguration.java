package io.gatehouse.oidc;

import java.net.URLEncoder;
import java.time.Clock;
import java.nio.charset.StandardCharsets;

import io.gatehouse.applications.ApplicationSecrets;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SignIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OpenID Provider's own filter chain, matching only the authorization server's endpoints and ordered before the
 * console's and the API's. The authorization endpoint signs its users in with Gatehouse's console sign-in page
 * (password, second factor, allowlist, throttle) and comes back to itself after it; no HTTP session is kept, since
 * the Gatehouse session in the database is the sign-in and the authorization request waits in the database too.
 */
@Configuration
class OidcSecurityConfiguration {

	static final String SIGN_IN = "/console/sign-in";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain oidcSecurity(HttpSecurity http, Authenticator authenticator, SessionCookies cookies,
			SignIn signIn, RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			OAuth2AuthorizationConsentService consents, ApplicationSecrets secrets, UserInfo userInfo,
			ApplicationEventPublisher events, Clock clock) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		OidcLogoutAuthenticationSuccessHandler loggedOut = new OidcLogoutAuthenticationSuccessHandler();
		loggedOut.setLogoutHandler(new LogoutFromGatehouse(authenticator, cookies, signIn, authorizations, events));
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, as -> as.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.authorizationConsentService(consents)
				// client secrets are kept as SHA-256 (ApplicationSecrets), not with a password encoder's hash
				.clientAuthentication(client -> client.authenticationProviders(providers -> providers.forEach(provider -> {
					if (provider instanceof ClientSecretAuthenticationProvider secretProvider) {
						secretProvider.setPasswordEncoder(secrets);
					}
				})))
				.oidc(oidc -> oidc.userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo::of))
					.logoutEndpoint(endpoint -> endpoint.logoutResponseHandler(loggedOut))))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterAfter(new SignedInUser(authenticator, cookies, clock), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// the userinfo endpoint takes the access token as a bearer token
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor((request, response, ex) -> {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				String back = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				response.sendRedirect(request.getContextPath() + SIGN_IN + "?next="
						+ URLEncoder.encode(back, StandardCharsets.UTF_8));
			}, PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")));
		return http.build();
	}

	/** No issuer configured: each request's own address is the issuer, as the discovery document says. */
	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients,
			AuthorizationStore store, UserClaims users, ApplicationEventPublisher events,
			TransactionTemplate transactions, AccessTokenCache accessTokens) {
		return new GatehouseAuthorizations(new AuthorizationRowStore(jdbc, clients), store, users, clients,
				events, transactions, accessTokens);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients, ApplicationEventPublisher events) {
		return new GatehouseConsents(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients, events);
	}

	/** Checks the access tokens userinfo receives against Gatehouse's own published keys. */
	@Bean
	JwtDecoder oidcAccessTokenDecoder(SigningKeys keys) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
	}
}
