package io.gatehouse.api.escalation;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.applications.ApplicationSecrets;
import io.gatehouse.mfa.MfaManagement;
import io.gatehouse.roles.CatalogManagement;
import io.gatehouse.settings.SettingsManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.support.Totp;
import io.gatehouse.users.UserManagement;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** What a case's setup and cleanup may do to its world, as the system. */
final class CaseSupport {

	private final ApplicationContext context;

	private final EscalationWorld world;

	CaseSupport(ApplicationContext context, EscalationWorld world) {
		this.context = context;
		this.world = world;
	}

	EscalationWorld world() {
		return world;
	}

	void deactivate(String user) {
		context.getBean(UserManagement.class).deactivate(Actor.system(), world.user(user), null);
	}

	/** A runtime setting; the cleanup must put it back, since settings are the whole instance's. */
	void setting(String code, String value) {
		context.getBean(SettingsManagement.class).update(Actor.system(), Map.of(code, value), null);
	}

	/** Enrols an authenticator for the actor's own account and keeps its secret for {@link #actorCode()}. */
	void enrolActorSecondFactor() {
		world.actorTotpSecret = enrolSecondFactor("actor");
	}

	/** Enrols an authenticator through the service, as the person would, and returns its secret. */
	String enrolSecondFactor(String user) {
		Actor self = new Actor(world.user(user), world.username(user), "192.0.2.1", null, null);
		MfaManagement mfa = context.getBean(MfaManagement.class);
		String secret = mfa.startTotp(self).secret();
		mfa.confirmTotp(self, Totp.code(secret, Instant.now()));
		return secret;
	}

	/** A lock after failed sign-ins, as brute force leaves behind: what an unlock takes away. */
	void lockSignIn(String user) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		context.getBean(JdbcClient.class).sql("""
				INSERT INTO auth_throttle (throttle_key, failures, next_attempt_at, locked_until, updated_at, version)
				VALUES (?, 10, ?, ?, ?, 1)""")
			.params("account:" + world.user(user), Timestamp.from(now.plusSeconds(900)),
					Timestamp.from(now.plusSeconds(900)), Timestamp.from(now))
			.update();
	}

	/** A code of the actor's authenticator that the server has not seen used. */
	String actorCode() {
		return world.actorTotpSecret == null ? "000000" : Totp.nextCode(world.actorTotpSecret);
	}

	/** A SCIM client of the user's, on their fixture token: revoking it takes that token away. */
	void registerScimClient(java.util.UUID id, String user) {
		context.getBean(JdbcClient.class).sql("""
				INSERT INTO provisioning_scim_client (id, name, token_id, created_by, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(id, world.name("scim-" + user), world.tokens.get(user), world.user(user), Timestamp.from(Instant.now()))
			.update();
	}

	void registerArea() {
		context.getBean(CatalogManagement.class)
			.registerArea(Actor.system(), world.name("billing"), null, false, List.of("read", "refund"));
	}

	/** The id a case's application gets: known before the world's setup registers it. */
	static UUID applicationId(EscalationWorld world) {
		return UUID.nameUUIDFromBytes(world.name("app").getBytes(StandardCharsets.UTF_8));
	}

	/** A confidential application under that id, as an administrator would have registered it. */
	void registerApplication(UUID id) {
		if (context.getBean(RegisteredClientRepository.class).findById(id.toString()) != null) {
			return;
		}
		context.getBean(RegisteredClientRepository.class).save(RegisteredClient.withId(id.toString())
			.clientId(UUID.randomUUID().toString())
			.clientName(world.name("app"))
			// the repository refuses two clients with the same secret
			.clientSecret(context.getBean(ApplicationSecrets.class).encode(UUID.randomUUID().toString()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://app.example/callback")
			.scope("openid")
			.build());
	}

	void registerResourceType() {
		context.getBean(CatalogManagement.class).registerResourceType(Actor.system(), world.name("cluster"), null);
	}

	/** A world's provider alias: lowercase letters, digits and hyphens only. */
	static String alias(EscalationWorld world, String name) {
		String alias = world.name(name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
		return alias.length() > 40 ? alias.substring(alias.length() - 40).replaceAll("^-+", "") : alias;
	}

	/** A provider whose mapping gives Admin at the instance: deleting or changing it takes that from its users. */
	void identityProvider(java.util.UUID id, String name) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("""
				INSERT INTO sso_provider (id, alias, display_name, protocol, issuer, discovery_url, client_id,
				    client_secret, scopes, enabled, provisioning, default_role, default_groups, link_by_email,
				    trust_provider_mfa, created_at, updated_at, version)
				VALUES (?, ?, ?, 'oidc', ?, NULL, 'gatehouse', 'plain:secret', 'openid', TRUE, 'jit', NULL, '', FALSE,
				    FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)""")
			.params(id, alias(world, name), name, "http://127.0.0.1:9/" + name)
			.update();
		jdbc.sql("""
				INSERT INTO sso_mapping (provider_id, position, claim, claim_value, group_id, role_id, resource_id)
				VALUES (?, 0, 'groups', 'admins', NULL, ?, ?)""")
			.params(id, io.gatehouse.access.BuiltInRoles.ADMIN, io.gatehouse.access.Resources.INSTANCE)
			.update();
	}

	void removeIdentityProvider(java.util.UUID id) {
		context.getBean(JdbcClient.class).sql("DELETE FROM sso_provider WHERE id = ?").param(id).update();
	}
}
