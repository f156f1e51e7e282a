package io.gatehouse.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at the SCIM door: malformed JSON, bad filters, unknown attributes, wrong types. Every one is a 4xx in the
 * SCIM error schema, never a 5xx, and nothing is half-written.
 */
class ScimNegativeIntegrationTests extends ScimTestSupport {

	private static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "42", "\"x\"", "{\"userName\":}",
			"{\"userName\":[1]}", "{\"userName\":{}}", "{\"userName\":\"x\",\"nosuch\":1}", "{\"userName\":\"x\",\"active\":\"maybe\"}",
			"{\"userName\":\"x\",\"emails\":\"a@b.c\"}", "{\"userName\":\"x\",\"emails\":[1]}", "{\"userName\":\"x\",\"name\":\"n\"}",
			"{\"userName\":\"x\",\"schemas\":[\"urn:nope\"]}", "{\"userName\":\"" + "x".repeat(300) + "\"}",
			"{\"userName\":\"ok-user\",\"emails\":[{\"value\":\"not an email\"}]}",
			"{\"userName\":\"ok-user2\",\"timezone\":\"Mars/Olympus\",\"emails\":[{\"value\":\"ok2@example.com\"}]}",
			"{\"userName\":\"ok-user3\",\"emails\":[{\"value\":\"ok3@example.com\"}],\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\""
					+ "9".repeat(300) + "\"}}");

	private static final List<String> BAD_FILTERS = List.of("userName", "userName eq", "userName xx \"a\"", "(userName eq \"a\"",
			"nosuch eq \"a\"", "userName eq \"a\" and", "urn:nope:attr eq 1", "active eq \"yes\"", "meta.created gt \"yesterday\"",
			"id gt \"a\"", "userName co 1", "name.givenName eq \"a\" or or", "\"", "not userName eq \"a\"",
			"emails[value eq \"a\"", "emails[value eq \"a\"]]", "emails[value eq \"a\")", "userName eq \"a",
			"(userName eq \"a\"))", "emails[type eq \"work\" and (value eq \"a\"]");

	private static final List<String> BAD_PATCHES = List.of("{}", "{\"Operations\":{}}", "{\"Operations\":[1]}",
			"{\"Operations\":[{\"path\":\"displayName\"}]}", "{\"Operations\":[{\"op\":\"explode\",\"path\":\"displayName\"}]}",
			"{\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}",
			"{\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\".value\",\"value\":\"x\"}]}",
			"{\"Operations\":[{\"op\":\"replace\",\"path\":\"nosuch\",\"value\":\"x\"}]}",
			"{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"someone-else\"}]}",
			"{\"Operations\":[{\"op\":\"remove\",\"path\":\"emails\"}],\"schemas\":[\"urn:wrong\"]}",
			"{\"Operations\":[{\"op\":\"add\",\"path\":\"active\",\"value\":{}}]}",
			"{\"Operations\":[{\"op\":\"replace\",\"value\":\"not an object\"}]}");

	@Test
	void badBodiesAreScimErrorsAndWriteNothing() {
		RestTestClient scim = scim();
		long before = users();
		for (String body : BAD_BODIES) {
			Map<String, Object> error = send(scim, "POST", "/scim/v2/Users", body, 400);
			assertScimError(error, "400", null);
			assertThat(error.get("detail")).as(body).isNotNull();
		}
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void badFiltersAreInvalidFilter() {
		RestTestClient scim = scim();
		for (String filter : BAD_FILTERS) {
			Map<String, Object> error = scim.get().uri("/scim/v2/Users?filter={f}", filter).exchange()
				.expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
			assertScimError(error, "400", null);
			assertThat(error.get("scimType")).as(filter).isIn("invalidFilter", "invalidValue", "invalidPath");
		}
		// the SDK's parser would read this one as if the bracket were closed
		assertThat(scim.get().uri("/scim/v2/Users?filter={f}", "emails[value eq \"a\"").exchange().expectStatus()
			.isBadRequest().expectBody(JSON).returnResult().getResponseBody()).containsEntry("scimType", "invalidFilter");
		assertThat(scim.post().uri("/scim/v2/Groups/.search").contentType(SCIM)
			.body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"members[value eq \\\"a\\\"\"}")
			.exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody())
			.containsEntry("scimType", "invalidFilter");
		for (String query : List.of("startIndex=x", "count=1e3", "sortOrder=sideways", "sortBy=nosuch", "attributes=a[b")) {
			assertScimError(send(scim, "GET", "/scim/v2/Users?" + query, null, 400), "400", null);
		}
	}

	@Test
	void badPatchesAreScimErrorsAndChangeNothing() {
		RestTestClient scim = scim();
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Users", oktaUser(email("patched")), 201);
		for (String body : BAD_PATCHES) {
			Map<String, Object> error = scim.patch().uri("/scim/v2/Users/{id}", made.get("id")).contentType(SCIM).body(body)
				.exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
			assertScimError(error, "400", null);
		}
		assertThat(get(scim, "/scim/v2/Users/" + made.get("id"))).isEqualTo(made);
	}

	@Test
	void randomPathsAndIdsNeverAnswer5xx() {
		RestTestClient scim = scim();
		for (String path : List.of("/scim/v2/Users/" + UUID.randomUUID(), "/scim/v2/Users/%00", "/scim/v2/Users/..%2F",
				"/scim/v2/Schemas/urn:nope", "/scim/v2/ResourceTypes/Nope", "/scim/v2/Nope", "/scim/v2/Users/.search")) {
			int status = scim.get().uri(path).exchange().returnResult(String.class).getStatus().value();
			assertThat(status).as(path).isBetween(400, 499);
		}
		assertScimError(send(scim, "POST", "/scim/v2/Nope", "{}", 404), "404", null);
		assertThat(get(scim, "/scim/v2/Users/?count=1")).containsKey("totalResults");
		assertThat(get(scim, "/scim/v2/users?count=1")).containsKey("totalResults");
		assertThat(get(scim, "/scim/v2/groups?count=1")).containsKey("totalResults");
		send(scim, "DELETE", "/scim/v2/Users/" + UUID.randomUUID(), null, 404);
		send(scim, "PUT", "/scim/v2/Users/" + UUID.randomUUID(), oktaUser(email("ghost")), 404);
	}

	@Test
	void discoveryClaimsOnlyWhatIsTrue() {
		RestTestClient scim = scim();
		Map<String, Object> config = get(scim, "/scim/v2/ServiceProviderConfig");
		assertThat(config.get("bulk")).isEqualTo(Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
		assertThat(config.get("patch")).isEqualTo(Map.of("supported", true));
		assertThat(config.get("changePassword")).isEqualTo(Map.of("supported", false));
		assertThat(resources(get(scim, "/scim/v2/ResourceTypes"))).extracting(type -> type.get("name")).containsExactly("User", "Group");
		assertThat(resources(get(scim, "/scim/v2/Schemas"))).extracting(schema -> schema.get("id"))
			.containsExactly("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE,
					"urn:ietf:params:scim:schemas:core:2.0:Group");
	}

	private long users() {
		return jdbc.sql("SELECT COUNT(*) FROM users_account").query(Long.class).single();
	}
}
