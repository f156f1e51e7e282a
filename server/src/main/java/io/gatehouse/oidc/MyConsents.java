package io.gatehouse.oidc;

import java.util.List;

import io.gatehouse.access.AccessControl;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consents a user gave third-party applications, on their own profile: listed, and withdrawn. Withdrawing also
 * ends what the application holds for them (its tokens stop working at once), and the next sign-in to it asks again.
 * Only ever the caller's own: there is nobody else's to name.
 */
@Service
public class MyConsents {

	private final AccessControl access;

	private final AuthorizationStore store;

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final AccessTokenCache accessTokens;

	MyConsents(AccessControl access, AuthorizationStore store, RegisteredClientRepository clients,
			OAuth2AuthorizationConsentService consents, ApplicationEventPublisher events,
			TransactionTemplate transactions, AccessTokenCache accessTokens) {
		this.access = access;
		this.accessTokens = accessTokens;
		this.store = store;
		this.clients = clients;
		this.consents = consents;
		this.events = events;
		this.transactions = transactions;
	}

	public List<Consent> listOwn(Actor actor) {
		if (actor.userId() == null) {
			return List.of();
		}
		return store.consentsOf(actor.userId().toString());
	}

	/** Withdraws the consent and revokes the application's tokens for this user, together. */
	public void withdrawOwn(Actor actor, String clientId) {
		access.requireUnscopedCredential(actor);
		String principal = actor.userId() == null ? null : actor.userId().toString();
		RegisteredClient client = principal == null ? null : clients.findByClientId(clientId);
		OAuth2AuthorizationConsent consent = client == null ? null : consents.findById(client.getId(), principal);
		if (consent == null) {
			throw DomainException.notFound("consent-not-found", "You have given no consent to an application with this client id.");
		}
		transactions.executeWithoutResult(status -> {
			consents.remove(consent);
			if (store.revokeAllOf(principal, client.getId()) > 0) {
				accessTokens.changingAll();
				events.publishEvent(new OidcTokensRevoked(actor, clientId, "consent-withdrawn"));
			}
		});
	}
}
