package io.gatehouse.sso;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): a session signed in through an OpenID provider keeps
 * the sign-in's ID token in the database, so that its sign-out, on any node, can send the browser on to the
 * provider's {@code end_session_endpoint} to end the provider's session too.
 */
@Component
public class SsoSignOut {

	private static final Logger log = LoggerFactory.getLogger(SsoSignOut.class);

	private final JdbcClient jdbc;

	private final IdentityProviders providers;

	private final OidcDiscovery discovery;

	SsoSignOut(JdbcClient jdbc, IdentityProviders providers, OidcDiscovery discovery) {
		this.jdbc = jdbc;
		this.providers = providers;
		this.discovery = discovery;
	}

	/** Kept when the sign-in through {@code alias} has made the session. */
	public void signedIn(UUID sessionId, String alias, String idToken) {
		Optional<IdentityProvider> provider = providers.enabled(alias);
		if (provider.isEmpty() || idToken == null || idToken.length() > 16000) {
			return;
		}
		jdbc.sql("INSERT INTO sso_session (session_id, provider_id, id_token) VALUES (:session, :provider, :token)")
			.param("session", sessionId)
			.param("provider", provider.get().id())
			.param("token", idToken)
			.update();
	}

	/**
	 * Where to send the browser once the session has ended: the provider's logout with {@code id_token_hint},
	 * {@code post_logout_redirect_uri} and {@code client_id}; empty when the session was not signed in through an
	 * enabled OpenID provider that offers one (or its metadata cannot be read now: the session here ends anyway).
	 * Read before the session ends, which takes the ID token with it.
	 */
	public Optional<URI> atProvider(UUID sessionId, String postLogoutRedirectUri) {
		if (sessionId == null) {
			return Optional.empty();
		}
		Optional<Kept> kept = jdbc.sql("""
				SELECT p.alias, s.id_token FROM sso_session s JOIN sso_provider p ON p.id = s.provider_id
				WHERE s.session_id = :session""")
			.param("session", sessionId)
			.query((rs, row) -> new Kept(rs.getString(1), rs.getString(2)))
			.optional();
		Optional<IdentityProvider> provider = kept.flatMap(k -> providers.enabled(k.alias()))
			.filter(p -> IdentityProviders.OIDC.equals(p.protocol()));
		if (provider.isEmpty()) {
			return Optional.empty();
		}
		Object endpoint;
		try {
			endpoint = discovery.metadata(provider.get()).get("end_session_endpoint");
		}
		catch (DomainException ex) {
			log.info("No sign-out at {}: {}", provider.get().alias(), ex.getMessage());
			return Optional.empty();
		}
		if (!(endpoint instanceof String address) || !(address.startsWith("https://")
				|| address.startsWith("http://"))) {
			return Optional.empty();
		}
		return Optional.of(UriComponentsBuilder.fromUriString(address)
			.queryParam("id_token_hint", kept.get().idToken())
			.queryParam("post_logout_redirect_uri", postLogoutRedirectUri)
			.queryParam("client_id", provider.get().clientId())
			.encode()
			.build()
			.toUri());
	}

	private record Kept(String alias, String idToken) {
	}
}
