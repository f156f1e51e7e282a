package io.gatehouse.scim;

import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests Entra ID sends, one test per shape (Entra's SCIM known issues and its validator). */
class ScimEntraIntegrationTests extends ScimTestSupport {

	/** Entra's create, with the enterprise extension and attributes Gatehouse does not keep. */
	static String entraUser(String upn) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
				  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
				 "externalId":"ada","userName":"%s","active":true,"displayName":"Ada L",
				 "emails":[{"primary":true,"type":"work","value":"%s"}],"title":"Engineer",
				 "name":{"formatted":"Ada L","familyName":"Lovelace","givenName":"Ada"},
				 "phoneNumbers":[{"type":"work","value":"+1 555 0100"}],
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-1",
				  "department":"Research","manager":{"value":"boss-1"}}}""".formatted(upn, upn);
	}

	@Test
	void capitalisedOperationsAndActiveAsAString() {
		RestTestClient entra = scim();
		Map<String, Object> made = send(entra, "POST", "/scim/v2/Users", entraUser(email("cap")), 201);
		Map<String, Object> patched = send(entra, "PATCH", "/scim/v2/Users/" + made.get("id"),
				patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"), 200);
		assertThat(patched).containsEntry("active", false);
		patched = send(entra, "PATCH", "/scim/v2/Users/" + made.get("id"),
				patch("[{\"op\":\"Add\",\"path\":\"displayName\",\"value\":\"Ada King\"},"
						+ "{\"op\":\"Remove\",\"path\":\"externalId\"}]"), 200);
		assertThat(patched).containsEntry("displayName", "Ada King").doesNotContainKey("externalId")
			.containsEntry("active", false);
	}

	@Test
	void pathlessReplaceWithDottedAndUrnKeys() {
		RestTestClient entra = scim();
		Map<String, Object> made = send(entra, "POST", "/scim/v2/Users", entraUser(email("dots")), 201);
		Map<String, Object> patched = send(entra, "PATCH", "/scim/v2/Users/" + made.get("id"), patch("""
				[{"op":"Replace","value":{"name.givenName":"Augusta","displayName":"Augusta L",
				  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Mathematics",
				  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager":"boss-2"}}]"""), 200);
		assertThat(patched.get("name")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("givenName", "Augusta").containsEntry("familyName", "Lovelace");
		assertThat(patched.get(ENTERPRISE)).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("department", "Mathematics").containsEntry("employeeNumber", "E-1")
			.containsEntry("manager", Map.of("value", "boss-2"));
		assertThat(get(entra, "/scim/v2/Users/" + made.get("id"))).isEqualTo(patched);
	}

	@Test
	void emailReplacedThroughAValueFilterPath() {
		RestTestClient entra = scim();
		Map<String, Object> made = send(entra, "POST", "/scim/v2/Users", entraUser(email("mail")), 201);
		String address = email("new-mail");
		Map<String, Object> patched = send(entra, "PATCH", "/scim/v2/Users/" + made.get("id"), patch(
				"[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"" + address + "\"}]"), 200);
		assertThat(patched.get("emails")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(Map.of("value", address, "type", "work", "primary", true));
		assertThat(get(entra, "/scim/v2/Users?filter=emails.value eq \"" + address + "\""))
			.containsEntry("totalResults", 1);
	}

	@Test
	void aNoOpPatchChangesNothingAndAuditsNothing() {
		RestTestClient entra = scim();
		Map<String, Object> made = send(entra, "POST", "/scim/v2/Users", entraUser(email("noop")), 201);
		int audited = audited(made);
		Map<String, Object> patched = send(entra, "PATCH", "/scim/v2/Users/" + made.get("id"), patch("""
				[{"op":"Replace","path":"displayName","value":"Ada L"},
				 {"op":"Replace","path":"active","value":"True"}]"""), 200);
		assertThat(patched).isEqualTo(made);
		assertThat(audited(made)).isEqualTo(audited);
	}

	@Test
	void aRandomIdIsACleanNotFound() {
		RestTestClient entra = scim();
		assertScimError(send(entra, "GET", "/scim/v2/Users/" + UUID.randomUUID(), null, 404), "404", null);
		assertScimError(send(entra, "GET", "/scim/v2/Users/not-a-uuid", null, 404), "404", null);
		assertScimError(send(entra, "PATCH", "/scim/v2/Users/" + UUID.randomUUID(),
				patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"), 404), "404", null);
	}

	@Test
	void aStaleIfMatchIs412() {
		RestTestClient entra = scim();
		Map<String, Object> made = send(entra, "POST", "/scim/v2/Users", entraUser(email("etag")), 201);
		String version = (String) ((Map<?, ?>) made.get("meta")).get("version");
		send(entra, "PATCH", "/scim/v2/Users/" + made.get("id"), patch("[{\"op\":\"replace\",\"path\":\"nonsense\",\"value\":\"x\"}]"), 400);
		entra.patch().uri("/scim/v2/Users/" + made.get("id")).header("If-Match", version).contentType(SCIM)
			.body(patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"One\"}]"))
			.exchange().expectStatus().isOk();
		entra.patch().uri("/scim/v2/Users/" + made.get("id")).header("If-Match", version).contentType(SCIM)
			.body(patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Two\"}]"))
			.exchange().expectStatus().isEqualTo(412);
		assertThat(get(entra, "/scim/v2/Users/" + made.get("id"))).containsEntry("displayName", "One");
		entra.put().uri("/scim/v2/Users/" + made.get("id")).header("If-Match", version).contentType(SCIM)
			.body(entraUser((String) made.get("userName"))).exchange().expectStatus().isEqualTo(412);
		entra.delete().uri("/scim/v2/Users/" + made.get("id")).header("If-Match", version).exchange()
			.expectStatus().isEqualTo(412);
		assertThat(get(entra, "/scim/v2/Users/" + made.get("id"))).containsEntry("displayName", "One");
		entra.delete().uri("/scim/v2/Users/" + made.get("id")).header("If-Match", "*").exchange()
			.expectStatus().isNoContent();
	}

	private int audited(Map<String, Object> user) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_id = ?").param(user.get("id"))
			.query(Integer.class).single();
	}
}
