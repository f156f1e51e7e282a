package io.gatehouse.sso.oidc;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.SignInStep;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.shared.Admission;
import io.gatehouse.shared.DomainException;
import io.gatehouse.sso.SsoPages;
import io.gatehouse.sso.SsoSignIn;
import io.gatehouse.sso.SsoSignOut;
import io.gatehouse.web.ClientAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The OpenID Connect relying party under {@code /sso/oidc}: Spring Security's OAuth2 login with the providers of the
 * database, state and nonce and PKCE on every request, the ID token's signature, issuer, audience, expiry and nonce
 * checked by Spring. No HTTP session: the sign-in under way waits in the database ({@link PendingSignIns}), and what
 * comes out is Gatehouse's own database session, set by the console.
 */
@Configuration
class SsoSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 5)
	SecurityFilterChain ssoSecurity(HttpSecurity http, ProviderRegistrations registrations, PendingSignIns pending,
			SsoSignIn ssoSignIn, SsoSignOut ssoSignOut) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				ProviderRegistrations.START);
		// PKCE for confidential clients too (public ones get it anyway); the nonce comes with the openid scope
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OAuth2AuthorizationRequestResolver known = new KnownProvidersOnly(resolver);
		http.securityMatcher("/sso/**")
			// the callback is a GET guarded by its state, bound to the browser; nothing here takes a form post
			.csrf(csrf -> csrf.disable())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
			.oauth2Login(login -> login.clientRegistrationRepository(registrations)
				.authorizedClientRepository(new NoAuthorizedClients())
				.authorizationEndpoint(endpoint -> endpoint.baseUri(ProviderRegistrations.START)
					.authorizationRequestResolver(known)
					.authorizationRequestRepository(pending))
				.redirectionEndpoint(endpoint -> endpoint.baseUri(ProviderRegistrations.CALLBACK + "*"))
				.successHandler((request, response, authentication) -> succeeded(ssoSignIn, ssoSignOut, request, response,
						authentication))
				.failureHandler((request, response, exception) -> failed(ssoSignIn, request, response, exception)))
			// a callback mostly waits on the provider (its token endpoint, its keys, its user info): it gives back its
			// place among the running requests rather than hold it meanwhile
			.addFilterBefore((request, response, chain) -> {
				if (((HttpServletRequest) request).getRequestURI().contains(ProviderRegistrations.CALLBACK)) {
					Admission.giveBack();
				}
				chain.doFilter(request, response);
			}, OAuth2LoginAuthenticationFilter.class)
			// the SAML service provider's own addresses (saml.SamlEndpoints) check what comes to them themselves
			.authorizeHttpRequests(requests -> requests.requestMatchers("/sso/saml/**").permitAll().anyRequest().denyAll())
			// an unknown or disabled provider, or any other address here: back to the sign-in page
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> response.sendRedirect(
						request.getContextPath() + "/console/sign-in"))
				.accessDeniedHandler((request, response, ex) -> response.sendRedirect(
						request.getContextPath() + "/console/sign-in")));
		return http.build();
	}

	/**
	 * ID token decoders per provider as it is now: Spring's factory keeps one per registration id forever, which would
	 * keep checking a re-registered alias against its old issuer and keys.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> ssoIdTokenDecoders() {
		Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
		return registration -> decoders.computeIfAbsent(registration.getRegistrationId() + "|"
				+ registration.getProviderDetails().getIssuerUri() + "|"
				+ registration.getProviderDetails().getJwkSetUri() + "|" + registration.getClientId(),
				key -> new OidcIdTokenDecoderFactory().createDecoder(registration));
	}

	private static void succeeded(SsoSignIn ssoSignIn, SsoSignOut ssoSignOut, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) throws java.io.IOException, ServletException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		Map<String, Object> claims = new HashMap<>(((OidcUser) token.getPrincipal()).getClaims());
		try {
			SignInStep step = ssoSignIn.complete(token.getAuthorizedClientRegistrationId(), claims,
					ClientAddress.of(request), request.getHeader(HttpHeaders.USER_AGENT));
			if (step instanceof StartedSession session) {
				ssoSignOut.signedIn(session.sessionId(), token.getAuthorizedClientRegistrationId(),
						((OidcUser) token.getPrincipal()).getIdToken().getTokenValue());
			}
			request.setAttribute(SsoPages.STEP, step);
		}
		catch (DomainException ex) {
			request.setAttribute(SsoPages.REFUSAL, ex.getMessage());
		}
		forward(request, response);
	}

	/** Refused by the protocol (state, token, nonce, provider error): recorded with Spring's error code. */
	private static void failed(SsoSignIn ssoSignIn, HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws java.io.IOException, ServletException {
		String uri = request.getRequestURI();
		String alias = uri.substring(uri.lastIndexOf('/') + 1);
		String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
				: "authentication-failed";
		ssoSignIn.refused(alias.length() > 40 ? alias.substring(0, 40) : alias, ClientAddress.of(request),
				outcome(code));
		request.setAttribute(SsoPages.REFUSAL, "The sign-in with your identity provider did not succeed; try again.");
		forward(request, response);
	}

	/** The sign-in history's outcome for Spring's error code (its column holds 32 characters). */
	static String outcome(String code) {
		String outcome = switch (code) {
			case "authorization_request_not_found", "invalid_state_parameter" -> "state-invalid";
			case "invalid_nonce" -> "nonce-invalid";
			case "invalid_id_token" -> "id-token-invalid";
			case "invalid_token_response" -> "token-response-invalid";
			case "invalid_user_info_response" -> "user-info-invalid";
			default -> code.replace('_', '-');
		};
		outcome = "sso-" + outcome;
		return outcome.length() > 32 ? outcome.substring(0, 32) : outcome;
	}

	private static void forward(HttpServletRequest request, HttpServletResponse response)
			throws java.io.IOException, ServletException {
		Object returnTo = request.getAttribute(PendingSignIns.RETURN_TO);
		if (returnTo != null) {
			request.setAttribute(SsoPages.RETURN_TO, returnTo);
		}
		request.getRequestDispatcher(SsoPages.COMPLETE).forward(request, response);
	}

	/**
	 * Spring's resolver answers an unknown registration with an exception its filter turns into a 500; an alias
	 * anyone can type is no server error, so it resolves to nothing and the request is refused like any other.
	 */
	private record KnownProvidersOnly(OAuth2AuthorizationRequestResolver delegate)
			implements OAuth2AuthorizationRequestResolver {

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
			try {
				return delegate.resolve(request);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
			try {
				return delegate.resolve(request, clientRegistrationId);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
	}

	/** Gatehouse keeps none of the provider's tokens: it only wanted to know who signed in. */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}
	}
}
