package io.gatehouse.api.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.api.fuzz.OpenApiOperations.Operation;
import io.gatehouse.shared.Actor;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.tokens.TokenManagement;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input gets a 5xx: every operation of the OpenAPI document (so also one added later) gets malformed requests,
 * as the bootstrap System Administrator (whom no permission check stops before the domain code) and anonymously,
 * aimed at real users, groups, roles, resources, bindings, invitations, tokens and sessions. Each answer must be a
 * 2xx or a 4xx problem detail. Its own database: the fuzzed deletions and token resets touch no other test.
 */
class ApiFuzzIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private TokenManagement tokens;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "gatehouse_fuzz_test");
	}

	@Test
	void noInputToAnyOperationGetsAServerError() throws Exception {
		assertThat(((HikariDataSource) dataSource).getJdbcUrl()).as("a database of its own").contains("gatehouse_fuzz_test");
		String document = anonymous().get().uri("/api/openapi").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		List<Operation> operations = OpenApiOperations.of(document);
		assertThat(operations).hasSizeGreaterThan(80);

		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD, uniqueAddress());
		Fixtures fixtures = fixtures(admin);
		Map<String, List<String>> freeFormKeys = freeFormKeys(operations, fixtures, admin.createToken("keys"));

		List<ApiFuzzer.Report> reports = new ArrayList<>();
		FuzzClient client = new FuzzClient(port);
		reports.add(new ApiFuzzer(client, fixtures, freeFormKeys, 3).run(operations, new ApiFuzzer.Caller(
				"System Administrator", uniqueAddress(),
				this::freshAdminToken)));
		reports.add(new ApiFuzzer(client, fixtures, freeFormKeys, 3).run(operations,
				new ApiFuzzer.Caller("anonymous", uniqueAddress(), null)));

		int requests = reports.stream().mapToInt(ApiFuzzer.Report::requests).sum();
		int serverErrors = reports.stream().mapToInt(ApiFuzzer.Report::serverErrors).sum();
		long millis = reports.stream().mapToLong(ApiFuzzer.Report::millis).sum();
		System.out.printf("fuzz: %d requests, %d 5xx, %d operations, %.1f s on %s (%s)%n", requests, serverErrors,
				operations.size(), millis / 1000.0, TestDatabase.isPostgres() ? "PostgreSQL" : "H2",
				reports.stream().map(r -> r.caller() + " " + r.requests() + " in " + r.millis() / 1000 + " s, slowest "
						+ r.slowest()).toList());
		List<String> failures = reports.stream().flatMap(report -> report.failures().stream()).toList();
		assertThat(failures).as("answers that are neither a 2xx nor a 4xx problem detail").isEmpty();
		assertThat(requests).isGreaterThan(5_000);
	}

	/**
	 * A new token of the administrator's, for when the fuzzing revoked the last one (a token reset). Made directly:
	 * the fuzzed password changes count against the administrator's sign-in, so a sign-in could be throttled.
	 */
	private String freshAdminToken() {
		UUID id = jdbc.sql("SELECT id FROM users_account WHERE username_normalized = 'admin'").query(UUID.class).single();
		return tokens.create(new Actor(id, ADMIN, null, null, null), unique("fuzz"), null, false).secret();
	}

	/** One real thing of each kind the API's paths name, made through the API. */
	private Fixtures fixtures(SignedIn admin) {
		RestTestClient as = admin.client();
		String role = id(as, "/api/v1/roles", Map.of("name", unique("Fuzz role "), "permissions", List.of("users:read")));
		String group = id(as, "/api/v1/groups", Map.of("name", unique("Fuzz group ")));
		String userName = unique("fuzzuser");
		String user = id(as, "/api/v1/users", Map.of("username", userName, "email", userName + "@example.com",
				"password", PASSWORD, "groups", List.of(group)));
		String resource = id(as, "/api/v1/resources", Map.of("type", "workspace", "name", unique("Fuzz ")));
		String binding = id(as, "/api/v1/resources/" + resource + "/bindings",
				Map.of("principalType", "user", "principalId", user, "roleId", role));
		String invitation = id(as, "/api/v1/invitations",
				Map.of("email", unique("invited") + "@example.com", "roles", List.of(role)));
		String spareToken = id(as, "/api/v1/me/tokens", Map.of("name", "spare"));
		String userToken = id(signIn(userName, PASSWORD, uniqueAddress()).client(), "/api/v1/me/tokens",
				Map.of("name", "fuzzed"));
		as.post().uri("/api/v1/permissions").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("area", "fuzzarea", "actions", List.of("read"))).exchange().expectStatus().is2xxSuccessful();
		as.post().uri("/api/v1/resource-types").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "fuzztype")).exchange().expectStatus().is2xxSuccessful();
		List<?> sessions = as.get().uri("/api/v1/me/sessions").exchange().expectStatus().isOk()
			.expectBody(List.class).returnResult().getResponseBody();
		String session = (String) ((Map<?, ?>) sessions.get(0)).get("id");
		return new Fixtures(user, group, role, resource, binding, invitation, session, spareToken, userToken,
				"fuzzarea", "fuzztype", "203.0.113.9");
	}

	/** The fields of a free-form body (a merge patch): those its resource has when read. */
	private Map<String, List<String>> freeFormKeys(List<Operation> operations, Fixtures fixtures, String token) {
		Map<String, List<String>> keys = new HashMap<>();
		for (Operation operation : operations) {
			if (operation.body() == null || operation.body().has("properties")) {
				continue;
			}
			String path = operation.path();
			for (var parameter : operation.in("path")) {
				path = path.replace("{" + parameter.name() + "}", fixtures.pathValue(operation.path(), parameter.name()));
			}
			Map<?, ?> read = withToken(token).get().uri(path).exchange().expectBody(Map.class).returnResult()
				.getResponseBody();
			keys.put(operation.path(), read == null ? List.of() : read.keySet().stream().map(String::valueOf).toList());
		}
		return keys;
	}

	private static String id(RestTestClient client, String uri, Map<String, Object> body) {
		Map<?, ?> created = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
			.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
		return (String) created.get("id");
	}
}
