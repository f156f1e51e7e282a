package io.gatehouse.api.settings;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/PATCH /api/v1/settings}: each setting takes effect at once, and only System Administrators change them. */
class SettingsApiIntegrationTests extends ApiIntegrationTest {

	private static final String VIEWER = "00000000-0000-0000-0000-0000000000a4";

	private static final String SYSTEM_ADMINISTRATOR = "00000000-0000-0000-0000-0000000000a1";

	/** Every test class shares the database: leave every setting at its configured default. */
	@AfterEach
	void backToDefaults() {
		Map<String, Object> reset = new HashMap<>();
		for (String name : List.of("passwordPreset", "deletePolicy", "requireRoleOnCreate", "defaultRole",
				"signInMode", "authorizationMode", "mfaRequired", "sessionIdleTimeout", "sessionAbsoluteTimeout",
				"deliveredMailRetention", "signInRecordRetention", "expiredRetention", "auditRetention")) {
			reset.put(name, null);
		}
		patch(admin(), reset).expectStatus().isOk();
	}

	@Test
	void readsTheSettingsWithTheirDefaultsAndVersion() {
		Map<String, Object> settings = admin().get().uri("/api/v1/settings").exchange()
			.expectStatus().isOk()
			.expectHeader().exists("ETag")
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(settings).containsEntry("passwordPreset", "complexity").containsEntry("deletePolicy", "allowed")
			.containsEntry("requireRoleOnCreate", true).containsEntry("defaultRole", "none")
			.containsEntry("signInMode", "local").containsEntry("authorizationMode", "local")
			.containsEntry("mfaRequired", "none").containsEntry("sessionIdleTimeout", "PT30M")
			.containsEntry("sessionAbsoluteTimeout", "PT12H");
		assertThat(settings.get("defaults")).isEqualTo(withoutMeta(settings));
		assertThat(settings.get("changed")).isEqualTo(List.of());
	}

	@Test
	void theNistPresetChangesWhichPasswordsAreRefused() {
		Map<String, Object> user = createUser(unique("nist"));
		// 12 characters with every class: good for the complexity preset, too short for NIST's 15
		String shortButComplex = "Aa1!xYz9#kLm";
		setPassword(user, shortButComplex).expectStatus().isNoContent();

		patch(admin(), Map.of("passwordPreset", "nist")).expectStatus().isOk()
			.expectBody().jsonPath("$.passwordPreset").isEqualTo("nist")
			.jsonPath("$.changed[0]").isEqualTo("passwordPreset");
		setPassword(user, shortButComplex).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("password-policy");
		setPassword(user, "a long passphrase without any digits").expectStatus().isNoContent();

		patch(admin(), Map.of("passwordPreset", "complexity")).expectStatus().isOk();
		setPassword(user, "a long passphrase without any digits").expectStatus().isBadRequest();
	}

	@Test
	void theFormerPresetCodeSeedIsAcceptedAndAnsweredAsComplexity() {
		Map<String, Object> user = createUser(unique("former"));
		String shortButComplex = "Aa1!xYz9#kLm";
		patch(admin(), Map.of("passwordPreset", "nist")).expectStatus().isOk();
		patch(admin(), Map.of("passwordPreset", "seed")).expectStatus().isOk()
			.expectBody().jsonPath("$.passwordPreset").isEqualTo("complexity");
		assertThat(storedPreset()).isEqualTo("complexity");
		setPassword(user, shortButComplex).expectStatus().isNoContent();
		setPassword(user, "a long passphrase without any digits").expectStatus().isBadRequest();
	}

	@Test
	void aStoredFormerPresetCodeSeedIsReadAsComplexity() throws InterruptedException {
		// what a database changed before the rename holds, had V16 not rewritten it, or a node not yet upgraded writes
		jdbc.sql("INSERT INTO settings_value (name, setting_value, updated_at) VALUES ('passwordPreset', 'seed', ?)")
			.param(OffsetDateTime.now()).update();
		jdbc.sql("UPDATE cache_change SET version = version + 1 WHERE area = 'settings'").update();
		long deadline = System.nanoTime() + 3_000_000_000L;
		Map<?, ?> settings;
		do {
			Thread.sleep(100);
			settings = admin().get().uri("/api/v1/settings").exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
		}
		while (!List.of("passwordPreset").equals(settings.get("changed")) && System.nanoTime() < deadline);
		assertThat(settings.get("passwordPreset")).isEqualTo("complexity");
		assertThat(settings.get("changed")).isEqualTo(List.of("passwordPreset"));
		// every change reads the stored values whole: an unreadable one would refuse this one
		patch(admin(), Map.of("deletePolicy", "deactivate-only")).expectStatus().isOk()
			.expectBody().jsonPath("$.passwordPreset").isEqualTo("complexity");
	}

	@Test
	void aChangeMadeByAnotherNodeAppliesWithinASecondOrSo() throws InterruptedException {
		Map<String, Object> user = createUser(unique("node"));
		String shortButComplex = "Aa1!xYz9#kLm";
		// what another node's PATCH leaves in the shared database
		jdbc.sql("INSERT INTO settings_value (name, setting_value, updated_at) VALUES ('passwordPreset', 'nist', ?)")
			.param(OffsetDateTime.now()).update();
		jdbc.sql("UPDATE cache_change SET version = version + 1 WHERE area = 'settings'").update();
		long deadline = System.nanoTime() + 3_000_000_000L;
		int status;
		do {
			Thread.sleep(100);
			status = setPassword(user, shortButComplex).returnResult(Void.class).getStatus().value();
		}
		while (status != 400 && System.nanoTime() < deadline);
		assertThat(status).as("the NIST preset refuses 12 characters once this node has seen the change").isEqualTo(400);
	}

	@Test
	void deactivateOnlyRefusesDelete() {
		String id = (String) createUser(unique("keep")).get("id");
		patch(admin(), Map.of("deletePolicy", "deactivate-only")).expectStatus().isOk();
		admin().delete().uri("/api/v1/users/{id}", id).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("deletion-disabled");
		patch(admin(), Map.of("deletePolicy", "allowed")).expectStatus().isOk();
		admin().delete().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNoContent();
	}

	@Test
	void requireRoleOnCreateAndTheDefaultRole() {
		String name = unique("norole");
		Map<String, Object> bare = Map.of("email", name + "@example.com");
		createCall(bare).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("bindings");

		patch(admin(), Map.of("requireRoleOnCreate", false)).expectStatus().isOk();
		String plain = (String) createCall(bare).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		assertThat(roles(plain)).isEmpty();

		patch(admin(), Map.of("requireRoleOnCreate", true, "defaultRole", VIEWER)).expectStatus().isOk();
		String withDefault = (String) createCall(Map.of("email", unique("dflt") + "@example.com"))
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		assertThat(roles(withDefault)).containsExactly("Instance: Viewer");
	}

	@Test
	void theDefaultRoleCannotBeSystemAdministratorOrUnknown() {
		patch(admin(), Map.of("defaultRole", SYSTEM_ADMINISTRATOR)).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("defaultRole")
			.jsonPath("$.errors[0].rule").isEqualTo("not-system-administrator");
		patch(admin(), Map.of("defaultRole", UUID.randomUUID().toString())).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("defaultRole")
			.jsonPath("$.errors[0].rule").isEqualTo("exists");
	}

	@Test
	void onlyASystemAdministratorChoosesTheDefaultRole() {
		String name = unique("instadmin");
		createUser(Map.of("username", name, "email", name + "@example.com", "password", PASSWORD, "bindings",
				List.of(Map.of("roleId", "00000000-0000-0000-0000-0000000000a2"))));
		RestTestClient instanceAdmin = signIn(name, PASSWORD, uniqueAddress()).client();
		patch(instanceAdmin, Map.of("defaultRole", VIEWER)).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("defaultRole")
			.jsonPath("$.errors[0].rule").isEqualTo("system-administrator-only");
		// the house rule: Admin on the instance holds settings:update for the rest
		patch(instanceAdmin, Map.of("deletePolicy", "deactivate-only")).expectStatus().isOk();
	}

	@Test
	void theIdleTimeoutEndsAnIdleSession() {
		String name = unique("idle");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		idleFor(name, 10);
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();

		patch(admin(), Map.of("sessionIdleTimeout", "5m")).expectStatus().isOk()
			.expectBody().jsonPath("$.sessionIdleTimeout").isEqualTo("PT5M");
		idleFor(name, 10);
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aShorterAbsoluteTimeoutEndsSessionsAlreadyOpen() {
		String name = unique("abs");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		jdbc.sql("UPDATE auth_session SET created_at = ? WHERE user_id = (SELECT id FROM users_account WHERE username = ?)")
			.params(OffsetDateTime.now().minusHours(2), name).update();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		patch(admin(), Map.of("sessionAbsoluteTimeout", "1h", "sessionIdleTimeout", "30m")).expectStatus().isOk();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theMfaRequirementForcesEnrolment() {
		String name = unique("mfa");
		createUser(name);
		signIn(name, PASSWORD, uniqueAddress()).client().get().uri("/api/v1/me/tokens").exchange()
			.expectStatus().isOk();
		patch(admin(), Map.of("mfaRequired", "everyone")).expectStatus().isOk();
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		assertThat(browser.body).containsEntry("mfaEnrolmentRequired", true);
		browser.client().get().uri("/api/v1/me/tokens").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("mfa-enrolment-required");
	}

	@Test
	void externalSignInRefusesAccountsWithAPasswordButNotWithout() {
		patch(admin(), Map.of("signInMode", "external")).expectStatus().isOk();
		String name = unique("ext");
		Map<String, Object> body = new HashMap<>(Map.of("email", name + "@example.com", "password", PASSWORD,
				"groups", List.of(testUsersGroup())));
		createCall(body).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:sign-in-external")
			.jsonPath("$.errors[0].field").isEqualTo("password");
		body.remove("password");
		createCall(body).expectStatus().isCreated();
		admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("inv") + "@example.com", "groups", List.of(testUsersGroup())))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("sign-in-external");
	}

	/**
	 * With sign-in through the identity provider only, no password is set, reset or handed over here, and the
	 * problem says why; a System Administrator's stays possible, as their way in when the provider is down. A
	 * forgotten-password request answers as always (it must not tell who has an account) but mails nobody else.
	 */
	@Test
	void externalSignInRefusesPasswordsAndResetsButASystemAdministratorKeepsTheirs() {
		Map<String, Object> user = createUser(unique("extpw"));
		Map<String, Object> admin2 = createUser(unique("extsa"));
		bind(admin(), "00000000-0000-0000-0000-000000000001", admin2, BuiltInRoles.SYSTEM_ADMINISTRATOR)
			.expectStatus().is2xxSuccessful();
		patch(admin(), Map.of("signInMode", "external")).expectStatus().isOk();

		setPassword(user, "Another-Horse-8").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:sign-in-external")
			.jsonPath("$.errors[0].field").isEqualTo("password");
		admin().post().uri("/api/v1/users/{id}/temporary-password", user.get("id")).exchange()
			.expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("sign-in-external");
		admin().post().uri("/api/v1/users/{id}/password-reset-link", user.get("id")).exchange()
			.expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("sign-in-external");
		anonymousFrom(uniqueAddress()).post().uri("/api/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", user.get("email"))).exchange().expectStatus().is2xxSuccessful();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'user.password-reset-requested' AND target_id = ?
				AND details LIKE '%sign-in-external%'""").param(user.get("id")).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM mail_outbox WHERE recipient_normalized = ? AND LOWER(template_name) LIKE '%reset%'""")
			.param(((String) user.get("email")).toLowerCase(java.util.Locale.ROOT)).query(Integer.class).single())
			.isZero();

		// the break-glass account keeps its password: it can be set and a temporary one issued
		setPassword(admin2, "Another-Horse-8").expectStatus().isNoContent();
		admin().post().uri("/api/v1/users/{id}/temporary-password", admin2.get("id")).exchange()
			.expectStatus().isOk();

		patch(admin(), Map.of("signInMode", "local")).expectStatus().isOk();
		setPassword(user, "Another-Horse-8").expectStatus().isNoContent();
	}

	@Test
	void externalAuthorizationLocksUsersRolesAndGroups() {
		Map<String, Object> user = createUser(unique("authz"));
		String id = (String) user.get("id");
		patch(admin(), Map.of("authorizationMode", "external")).expectStatus().isOk();

		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("bindings", List.of(Map.of("roleId", VIEWER)))).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:authorization-external")
			.jsonPath("$.errors[0].field").isEqualTo("bindings");
		bind(admin(), "00000000-0000-0000-0000-000000000001", user, UUID.fromString(VIEWER))
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("authorization-external");
		admin().delete().uri("/api/v1/groups/{g}/members/{u}", testUsersGroup(), id).exchange()
			.expectStatus().isEqualTo(409);
		// the same groups again is no change, and identity fields stay editable
		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("groups", List.of(testUsersGroup()), "department", "Ops")).exchange()
			.expectStatus().isOk();
		// no role can be asked for, so none is required
		createCall(Map.of("email", unique("noroles") + "@example.com")).expectStatus().isCreated();

		patch(admin(), Map.of("authorizationMode", "local")).expectStatus().isOk();
		bind(admin(), "00000000-0000-0000-0000-000000000001", user, UUID.fromString(VIEWER)).expectStatus()
			.isCreated();
	}

	@Test
	void identityFieldsOfAnSsoUserAreReadOnly() {
		String id = (String) createUser(unique("sso")).get("id");
		jdbc.sql("UPDATE users_account SET source = 'OIDC' WHERE id = ?").param(UUID.fromString(id)).update();
		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("firstName", "Changed")).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("identity-managed-externally")
			.jsonPath("$.errors[0].field").isEqualTo("firstName");
	}

	@Test
	void badValuesAreRefusedNamingTheField() {
		patch(admin(), Map.of("passwordPreset", "strong")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:validation-failed")
			.jsonPath("$.errors[0].field").isEqualTo("passwordPreset")
			.jsonPath("$.errors[0].rule").isEqualTo("one-of");
		patch(admin(), Map.of("sessionIdleTimeout", "10s")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("sessionIdleTimeout")
			.jsonPath("$.errors[0].rule").isEqualTo("range");
		patch(admin(), Map.of("sessionIdleTimeout", "2h", "sessionAbsoluteTimeout", "1h")).expectStatus()
			.isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("sessionIdleTimeout")
			.jsonPath("$.errors[0].rule").isEqualTo("not-above-absolute");
		patch(admin(), Map.of("colour", "blue")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("colour");
		admin().get().uri("/api/v1/settings").exchange().expectBody()
			.jsonPath("$.passwordPreset").isEqualTo("complexity").jsonPath("$.sessionIdleTimeout").isEqualTo("PT30M");
	}

	@Test
	void aStaleVersionIsRefusedAndEveryChangeIsAudited() {
		String etag = admin().get().uri("/api/v1/settings").exchange().returnResult(Void.class).getResponseHeaders()
			.getETag();
		admin().patch().uri("/api/v1/settings").header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("deletePolicy", "deactivate-only")).exchange().expectStatus().isOk();
		admin().patch().uri("/api/v1/settings").header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("deletePolicy", "allowed")).exchange()
			.expectStatus().isEqualTo(412)
			.expectBody().jsonPath("$.code").isEqualTo("version-mismatch");
		String details = jdbc.sql("SELECT details FROM audit_event WHERE action = 'settings.updated' ORDER BY occurred_at DESC LIMIT 1")
			.query(String.class).single();
		assertThat(details).contains("deletePolicy").contains("\"old\":\"allowed\"").contains("\"new\":\"deactivate-only\"");
	}

	@Test
	void onlyThoseWithSettingsPermissionsReadOrChange() {
		String name = unique("plain");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		browser.client().get().uri("/api/v1/settings").exchange().expectStatus().isForbidden();
		patch(browser.client(), Map.of("passwordPreset", "nist")).expectStatus().isForbidden();
		admin().get().uri("/api/v1/settings").exchange().expectBody().jsonPath("$.passwordPreset").isEqualTo("complexity");
	}

	private RestTestClient.ResponseSpec patch(RestTestClient client, Map<String, Object> body) {
		return client.patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private String storedPreset() {
		return jdbc.sql("SELECT setting_value FROM settings_value WHERE name = 'passwordPreset'").query(String.class)
			.single();
	}

	private RestTestClient.ResponseSpec createCall(Map<String, Object> body) {
		return admin().post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec setPassword(Map<String, Object> user, String password) {
		return admin().put().uri("/api/v1/users/{id}/password", user.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", password, "confirmPassword", password)).exchange();
	}

	@SuppressWarnings("unchecked")
	private List<String> roles(String id) {
		return (List<String>) admin().get().uri("/api/v1/users/{id}", id).exchange().expectBody(JSON).returnResult()
			.getResponseBody().get("roles");
	}

	private void idleFor(String username, int minutes) {
		assertThat(jdbc.sql("UPDATE auth_session SET last_seen_at = ? WHERE user_id = (SELECT id FROM users_account WHERE username = ?)")
			.params(OffsetDateTime.now().minusMinutes(minutes), username).update()).isEqualTo(1);
	}

	private static Map<String, Object> withoutMeta(Map<String, Object> settings) {
		Map<String, Object> values = new HashMap<>(settings);
		values.keySet().removeAll(List.of("defaults", "changed", "version"));
		return values;
	}
}
