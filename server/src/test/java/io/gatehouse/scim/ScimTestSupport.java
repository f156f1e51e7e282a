package io.gatehouse.scim;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A registered SCIM client and the calls the SCIM tests share. */
abstract class ScimTestSupport extends ApiIntegrationTest {

	static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	/** Registers a client as the bootstrap administrator and returns its token. */
	String registerClient(String name) {
		Map<String, Object> registered = admin().post().uri("/api/v1/scim-clients").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody();
		return (String) registered.get("token");
	}

	RestTestClient scim() {
		return withToken(registerClient(unique("okta-")));
	}

	static Map<String, Object> send(RestTestClient client, String method, String uri, String body, int status) {
		RestTestClient.RequestBodySpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
		if (body != null) {
			spec.contentType(SCIM).body(body);
		}
		RestTestClient.ResponseSpec response = spec.exchange();
		response.expectStatus().isEqualTo(status);
		return status == 204 ? Map.of() : response.expectBody(JSON).returnResult().getResponseBody();
	}

	static Map<String, Object> get(RestTestClient client, String uri) {
		return send(client, "GET", uri, null, 200);
	}

	/** A user as Okta creates one: userName and email the same address, name, active. */
	static String oktaUser(String email) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
				 "name":{"givenName":"Ada","familyName":"Lovelace"},
				 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Ada Lovelace",
				 "locale":"en-US","externalId":"00u1abcd","groups":[],"active":true}""".formatted(email, email);
	}

	static String patch(String operations) {
		return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}";
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> resources(Map<String, Object> list) {
		return (List<Map<String, Object>>) list.get("Resources");
	}

	static void assertScimError(Map<String, Object> body, String status, String scimType) {
		assertThat(body.get("schemas")).isEqualTo(List.of("urn:ietf:params:scim:api:messages:2.0:Error"));
		assertThat(body).containsEntry("status", status);
		if (scimType != null) {
			assertThat(body).containsEntry("scimType", scimType);
		}
	}

	String email(String prefix) {
		return unique(prefix) + "@example.com";
	}
}
