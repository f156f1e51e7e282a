package io.gatehouse.applications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Between Gatehouse's applications and the authorization server's registered clients, which store them. */
final class RegisteredClients {

	private RegisteredClients() {
	}

	/**
	 * The client the authorization server works with. PKCE is required of every application, confidential ones too
	 * (OAuth 2.1); refresh tokens rotate at each use.
	 */
	static RegisteredClient.Builder build(RegisteredClient.Builder builder, ApplicationDraft draft,
			ApplicationSettings settings) {
		builder.clientName(draft.name())
			.clientAuthenticationMethods(methods -> {
				methods.clear();
				if (draft.type() == ClientType.PUBLIC) {
					methods.add(ClientAuthenticationMethod.NONE);
				}
				else {
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
				}
			})
			.authorizationGrantTypes(grants -> {
				grants.clear();
				draft.grantTypes().forEach(grant -> grants.add(new AuthorizationGrantType(grant)));
			})
			.redirectUris(uris -> {
				uris.clear();
				uris.addAll(draft.redirectUris());
			})
			.postLogoutRedirectUris(uris -> {
				uris.clear();
				uris.addAll(draft.postLogoutRedirectUris());
			})
			.scopes(scopes -> {
				scopes.clear();
				scopes.addAll(draft.scopes());
			})
			.clientSettings(ClientSettings.builder()
				.requireProofKey(true)
				.requireAuthorizationConsent(!draft.firstParty())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(settings.accessTokenLifetime())
				.refreshTokenTimeToLive(settings.refreshTokenLifetime())
				.authorizationCodeTimeToLive(settings.authorizationCodeLifetime())
				.reuseRefreshTokens(false)
				.idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
				.build());
		return builder;
	}

	static ApplicationDraft draftOf(RegisteredClient client) {
		Application application = application(client);
		return new ApplicationDraft(application.name(), application.type(), application.firstParty(),
				application.redirectUris(), application.postLogoutRedirectUris(), application.scopes(),
				application.grantTypes());
	}

	static Application application(RegisteredClient client) {
		ClientType type = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
				? ClientType.PUBLIC : ClientType.CONFIDENTIAL;
		Duration accessTokenLifetime = client.getTokenSettings().getAccessTokenTimeToLive();
		Instant issuedAt = client.getClientIdIssuedAt();
		return new Application(UUID.fromString(client.getId()), client.getClientId(), client.getClientName(), type,
				!client.getClientSettings().isRequireAuthorizationConsent(), sorted(client.getRedirectUris()),
				sorted(client.getPostLogoutRedirectUris()), sorted(client.getScopes()),
				client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
				accessTokenLifetime, issuedAt);
	}

	private static List<String> sorted(java.util.Collection<String> values) {
		return values.stream().sorted().toList();
	}
}
