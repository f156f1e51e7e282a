package io.gatehouse.sso.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.shared.DomainException;
import io.gatehouse.sso.IdentityProvider;
import io.gatehouse.sso.IdentityProviders;
import io.gatehouse.sso.OidcDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * Spring's client registrations, from the providers in the database: read at each use (a disabled or changed
 * provider takes effect at once on every node), with each provider's metadata cached for a while per version.
 */
@Component
class ProviderRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(ProviderRegistrations.class);

	static final String CALLBACK = "/sso/oidc/callback/";

	static final String START = "/sso/oidc/start";

	private static final Duration METADATA_LIFETIME = Duration.ofMinutes(15);

	private final IdentityProviders providers;

	private final OidcDiscovery discovery;

	private final Clock clock;

	private final Map<String, Cached> metadata = new ConcurrentHashMap<>();

	ProviderRegistrations(IdentityProviders providers, OidcDiscovery discovery, Clock clock) {
		this.providers = providers;
		this.discovery = discovery;
		this.clock = clock;
	}

	private record Cached(long version, Map<String, Object> metadata, Instant readAt) {
	}

	@Override
	public ClientRegistration findByRegistrationId(String alias) {
		Optional<IdentityProviders.Client> found = providers.client(alias);
		if (found.isEmpty()) {
			return null;
		}
		IdentityProvider provider = found.get().provider();
		Map<String, Object> meta;
		try {
			meta = metadata(provider);
		}
		catch (DomainException ex) {
			log.warn("Identity provider {} is unavailable: {}", alias, ex.getMessage());
			return null;
		}
		String secret = found.get().clientSecret();
		return ClientRegistrations.fromOidcConfiguration(meta)
			.registrationId(alias)
			.clientId(provider.clientId())
			.clientSecret(secret)
			.clientAuthenticationMethod(secret == null ? ClientAuthenticationMethod.NONE : authMethod(meta))
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}" + CALLBACK + "{registrationId}")
			.scope(provider.scopes())
			.userNameAttributeName("sub")
			.clientName(provider.displayName())
			.build();
	}

	private Map<String, Object> metadata(IdentityProvider provider) {
		Instant now = clock.instant();
		Cached cached = metadata.get(provider.alias());
		if (cached != null && cached.version() == provider.version()
				&& cached.readAt().plus(METADATA_LIFETIME).isAfter(now)) {
			return cached.metadata();
		}
		Map<String, Object> read = discovery.metadata(provider);
		metadata.put(provider.alias(), new Cached(provider.version(), read, now));
		return read;
	}

	/** The client's secret goes in the Basic header unless the provider only takes it in the form. */
	private static ClientAuthenticationMethod authMethod(Map<String, Object> meta) {
		Object supported = meta.get("token_endpoint_auth_methods_supported");
		if (supported instanceof java.util.Collection<?> methods && !methods.contains("client_secret_basic")
				&& methods.contains("client_secret_post")) {
			return ClientAuthenticationMethod.CLIENT_SECRET_POST;
		}
		return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
	}
}
