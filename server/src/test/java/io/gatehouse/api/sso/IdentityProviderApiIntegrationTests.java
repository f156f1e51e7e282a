package io.gatehouse.api.sso;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/identity-providers}: the registry, its validation, its secret, and who may hand out what through it. */
class IdentityProviderApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void aProviderIsRegisteredReadChangedDisabledAndDeletedWithoutEverShowingItsSecret() {
		String alias = unique("reg");
		Map<String, Object> made = admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body(alias, Map.of("mappings", List.of(Map.of("claim", "groups", "value", "ops", "roleId",
					BuiltInRoles.EDITOR.toString())))))
			.exchange().expectStatus().isCreated().expectHeader().exists("ETag")
			.expectBody(JSON).returnResult().getResponseBody();
		String id = (String) made.get("id");
		assertThat(made).containsEntry("alias", alias).containsEntry("clientSecretSet", true)
			.containsEntry("provisioning", "jit").containsEntry("enabled", true).containsEntry("linkByEmail", false)
			.containsEntry("callbackPath", "/sso/oidc/callback/" + alias).doesNotContainKey("clientSecret");
		assertThat(made.get("scopes")).isEqualTo(List.of("openid", "profile", "email"));
		Map<String, Object> read = admin().get().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(read.get("mappings")).isEqualTo(made.get("mappings"));
		assertThat(read.toString()).doesNotContain("s3cret");
		assertThat(jdbc.sql("SELECT client_secret FROM sso_provider WHERE id = ?")
			.param(java.util.UUID.fromString(id)).query(String.class).single()).isNotNull();

		// a change without a secret keeps it; alias and issuer are fixed
		admin().put().uri("/api/v1/identity-providers/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Renamed", "clientId", "gatehouse", "provisioning", "existing-only"))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.displayName").isEqualTo("Renamed").jsonPath("$.clientSecretSet").isEqualTo(true)
			.jsonPath("$.provisioning").isEqualTo("existing-only").jsonPath("$.mappings.length()").isEqualTo(0);
		admin().put().uri("/api/v1/identity-providers/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Renamed", "clientId", "gatehouse", "issuer", "https://elsewhere.example"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("issuer");
		admin().post().uri("/api/v1/identity-providers/" + id + "/disable").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.enabled").isEqualTo(false);
		assertThat(admin().get().uri("/api/v1/identity-providers").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains(alias);
		admin().delete().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isNoContent();
		admin().get().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("identity-provider-not-found");
		assertThat(audited(id)).containsExactly("identity-provider.created", "identity-provider.updated",
				"identity-provider.disabled", "identity-provider.deleted");
	}

	@Test
	void badFieldsAreNamedWithTheirRule() {
		Map<String, Object> bad = new HashMap<>(body("Not An Alias!", Map.of()));
		bad.put("issuer", "ftp://idp.example");
		bad.put("scopes", List.of("profile"));
		bad.put("provisioning", "sometimes");
		bad.put("mappings", List.of(Map.of("claim", "groups", "value", "x")));
		String answer = admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(bad).exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
		assertThat(answer).contains("\"alias\"", "\"issuer\"", "\"scopes\"", "\"provisioning\"", "\"mappings[0]\"",
				"one-of");
		String alias = unique("dup");
		admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON).body(body(alias, Map.of()))
			.exchange().expectStatus().isCreated();
		admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON).body(body(alias, Map.of()))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("alias-taken");
		admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body(unique("sa"), Map.of("defaultRole", BuiltInRoles.SYSTEM_ADMINISTRATOR.toString())))
			.exchange().expectStatus().isBadRequest();
	}

	@Test
	void someoneWhoMayChangeSettingsCannotHandOutThroughAProviderWhatTheyCouldNotGrant() {
		RestTestClient settingsAdmin = settingsAdmin();

		for (Map<String, Object> grant : List.of(
				Map.<String, Object>of("mappings", List.of(Map.of("claim", "groups", "value", "x", "roleId",
						BuiltInRoles.ADMIN.toString()))),
				Map.<String, Object>of("defaultRole", BuiltInRoles.EDITOR.toString()),
				Map.<String, Object>of("linkByEmail", true))) {
			settingsAdmin.post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
				.body(body(unique("esc"), grant)).exchange().expectStatus().isForbidden()
				.expectBody().jsonPath("$.code").isEqualTo("privilege-escalation");
		}
		// a provider that hands out nothing is theirs to make
		settingsAdmin.post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body(unique("plain"), Map.of())).exchange().expectStatus().isCreated();
		// and nobody without settings:read sees the providers
		withToken(signIn((String) createUser(unique("nobody")).get("username"), PASSWORD).createToken("n")).get()
			.uri("/api/v1/identity-providers").exchange().expectStatus().isForbidden();
	}

	@Test
	void onlySomeoneWhoHoldsEverythingMayLetAProviderVouchForTheSecondFactor() {
		RestTestClient settingsAdmin = settingsAdmin();
		settingsAdmin.post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body(unique("trust"), Map.of("trustProviderMfa", true))).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("privilege-escalation");

		// a System Administrator trusts one class; the settings administrator may keep it or trust less, not more
		String alias = unique("trusted");
		String id = (String) admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body(alias, Map.of("trustProviderMfa", true, "trustedAcrValues", List.of("urn:acme:2fa"))))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		settingsAdmin.put().uri("/api/v1/identity-providers/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(change("More", true, List.of("urn:acme:2fa", "urn:acme:password"))).exchange()
			.expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("privilege-escalation");
		admin().get().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.displayName").isEqualTo("Provider " + alias)
			.jsonPath("$.trustedAcrValues").isEqualTo(List.of("urn:acme:2fa"));
		settingsAdmin.put().uri("/api/v1/identity-providers/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(change("Kept", true, List.of("urn:acme:2fa"))).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.displayName").isEqualTo("Kept").jsonPath("$.trustProviderMfa").isEqualTo(true);
		settingsAdmin.put().uri("/api/v1/identity-providers/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(change("Off", false, List.of())).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.trustProviderMfa").isEqualTo(false);
		// once off, turning it on again is a System Administrator's call too
		settingsAdmin.put().uri("/api/v1/identity-providers/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(change("On again", true, List.of())).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("privilege-escalation");
		admin().get().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.displayName").isEqualTo("Off").jsonPath("$.trustProviderMfa").isEqualTo(false);
	}

	private static Map<String, Object> change(String displayName, boolean trust, List<String> acrValues) {
		return Map.of("displayName", displayName, "clientId", "gatehouse", "trustProviderMfa", trust,
				"trustedAcrValues", acrValues);
	}

	/** A user whose only role gives settings:read and settings:update, which is what changing a provider needs. */
	private RestTestClient settingsAdmin() {
		String role = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Sign-in admin "), "permissions", List.of("settings:read", "settings:update")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, Object> user = createUser(Map.of("username", unique("sso-admin"), "email",
				unique("sso-admin") + "@example.com", "password", PASSWORD,
				"bindings", List.of(Map.of("roleId", role))));
		return withToken(signIn((String) user.get("username"), PASSWORD).createToken("sso"));
	}

	private List<String> audited(String id) {
		return jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at").param(id)
			.query(String.class).list();
	}

	private static Map<String, Object> body(String alias, Map<String, Object> settings) {
		Map<String, Object> body = new HashMap<>(Map.of("alias", alias, "displayName", "Provider " + alias, "issuer",
				"https://idp.example/" + alias, "clientId", "gatehouse", "clientSecret", "s3cret"));
		body.putAll(settings);
		return body;
	}
}
