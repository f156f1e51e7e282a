package io.gatehouse.oidc;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The authorization server's JDBC consents, with every consent given or withdrawn in the audit log. */
class GatehouseConsents implements OAuth2AuthorizationConsentService {

	private final OAuth2AuthorizationConsentService delegate;

	private final RegisteredClientRepository clients;

	private final ApplicationEventPublisher events;

	GatehouseConsents(OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients,
			ApplicationEventPublisher events) {
		this.delegate = delegate;
		this.clients = clients;
		this.events = events;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		delegate.save(consent);
		events.publishEvent(new OidcConsentChanged(actor(consent), clientId(consent), scopes(consent), true));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		delegate.remove(consent);
		events.publishEvent(new OidcConsentChanged(actor(consent), clientId(consent), scopes(consent), false));
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return delegate.findById(registeredClientId, principalName);
	}

	private String clientId(OAuth2AuthorizationConsent consent) {
		RegisteredClient client = clients.findById(consent.getRegisteredClientId());
		return client == null ? consent.getRegisteredClientId() : client.getClientId();
	}

	private static String scopes(OAuth2AuthorizationConsent consent) {
		return String.join(" ", consent.getScopes());
	}

	private static Actor actor(OAuth2AuthorizationConsent consent) {
		try {
			return new Actor(UUID.fromString(consent.getPrincipalName()), null, null, null, null);
		}
		catch (IllegalArgumentException ex) {
			return new Actor(null, consent.getPrincipalName(), null, null, null);
		}
	}
}
