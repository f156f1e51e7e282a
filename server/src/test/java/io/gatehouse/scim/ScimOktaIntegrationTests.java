package io.gatehouse.scim;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests Okta sends, one test per shape (Okta's SCIM 2.0 provisioning guide). */
class ScimOktaIntegrationTests extends ScimTestSupport {

	@Test
	void testConnectionListsTwoUsersFromTheFirst() {
		RestTestClient okta = scim();
		send(okta, "POST", "/scim/v2/Users", oktaUser(email("conn")), 201);
		send(okta, "POST", "/scim/v2/Users", oktaUser(email("conn")), 201);
		Map<String, Object> list = get(okta, "/scim/v2/Users?startIndex=1&count=2");
		assertThat(list.get("schemas")).asList().containsExactly("urn:ietf:params:scim:api:messages:2.0:ListResponse");
		assertThat(list).containsEntry("startIndex", 1).containsEntry("itemsPerPage", 2);
		assertThat((Integer) list.get("totalResults")).isGreaterThanOrEqualTo(3);
		assertThat(resources(list)).hasSize(2);
	}

	@Test
	void looksUpByUserNameBeforeCreatingAndGets409ForAnExistingUser() {
		RestTestClient okta = scim();
		String email = email("Ada.");
		String filter = "/scim/v2/Users?filter=userName eq \"" + email.toUpperCase() + "\"&startIndex=1&count=100";
		assertThat(get(okta, filter)).containsEntry("totalResults", 0);
		Map<String, Object> made = send(okta, "POST", "/scim/v2/Users", oktaUser(email), 201);
		assertThat(made).containsEntry("userName", email).containsEntry("active", true).containsEntry("externalId", "00u1abcd");
		Map<String, Object> found = get(okta, filter);
		assertThat(found).containsEntry("totalResults", 1);
		assertThat(resources(found).get(0)).containsEntry("id", made.get("id"));
		assertThat(get(okta, "/scim/v2/Users/" + made.get("id"))).isEqualTo(made);
		assertScimError(send(okta, "POST", "/scim/v2/Users", oktaUser(email), 409), "409", "uniqueness");
		assertThat(jdbc.sql("SELECT source FROM users_account WHERE id = ?").param(java.util.UUID.fromString((String) made.get("id")))
			.query(String.class).single()).isEqualTo("SCIM");
	}

	@Test
	void deactivatesWithAPathlessReplace() {
		RestTestClient okta = scim();
		Map<String, Object> made = send(okta, "POST", "/scim/v2/Users", oktaUser(email("leaver")), 201);
		Map<String, Object> patched = send(okta, "PATCH", "/scim/v2/Users/" + made.get("id"),
				patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]"), 200);
		assertThat(patched).containsEntry("active", false);
		assertThat(get(okta, "/scim/v2/Users/" + made.get("id"))).containsEntry("active", false);
		assertThat(status(made)).isEqualTo("DEACTIVATED");
	}

	@Test
	void deactivatesAndRenamesWithAPutOfTheWholeUser() {
		RestTestClient okta = scim();
		String email = email("put");
		Map<String, Object> made = send(okta, "POST", "/scim/v2/Users", oktaUser(email), 201);
		String whole = oktaUser(email).replace("\"Ada\"", "\"Augusta\"").replace("\"active\":true", "\"active\":false");
		Map<String, Object> replaced = send(okta, "PUT", "/scim/v2/Users/" + made.get("id"), whole, 200);
		assertThat(replaced).containsEntry("active", false);
		assertThat(replaced.get("name")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("givenName", "Augusta");
		assertThat(status(made)).isEqualTo("DEACTIVATED");
		assertThat(get(okta, "/scim/v2/Users/" + made.get("id"))).isEqualTo(replaced);
	}

	@Test
	void everyChangeIsAuditedUnderTheClientsName() {
		String name = unique("okta-");
		RestTestClient okta = withToken(registerClient(name));
		Map<String, Object> made = send(okta, "POST", "/scim/v2/Users", oktaUser(email("audited")), 201);
		send(okta, "PATCH", "/scim/v2/Users/" + made.get("id"), patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]"), 200);
		assertThat(jdbc.sql("SELECT actor_username FROM audit_event WHERE target_id = ? ORDER BY occurred_at")
			.param(made.get("id")).query(String.class).list())
			.hasSizeGreaterThanOrEqualTo(2)
			.allMatch(actor -> actor.equals(name + " (SCIM client)"));
	}

	@Test
	void deleteFollowsTheDeletePolicy() {
		RestTestClient okta = scim();
		Map<String, Object> kept = send(okta, "POST", "/scim/v2/Users", oktaUser(email("kept")), 201);
		setting("deactivate-only");
		try {
			Map<String, Object> refused = send(okta, "DELETE", "/scim/v2/Users/" + kept.get("id"), null, 409);
			assertScimError(refused, "409", null);
			assertThat((String) refused.get("detail")).contains("deactivate");
			get(okta, "/scim/v2/Users/" + kept.get("id"));
		}
		finally {
			setting("allowed");
		}
		send(okta, "DELETE", "/scim/v2/Users/" + kept.get("id"), null, 204);
		send(okta, "GET", "/scim/v2/Users/" + kept.get("id"), null, 404);
		assertThat(status(kept)).isEqualTo("DELETED");
	}

	private void setting(String deletePolicy) {
		admin().patch().uri("/api/v1/settings").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("deletePolicy", deletePolicy)).exchange().expectStatus().isOk();
	}

	private String status(Map<String, Object> user) {
		return jdbc.sql("SELECT status FROM users_account WHERE id = ?")
			.param(java.util.UUID.fromString((String) user.get("id")))
			.query(String.class)
			.single();
	}
}
