package io.gatehouse.api;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an API client find: health and readiness, metrics (for settings readers), the API description. */
class OperationsIntegrationTests extends ApiIntegrationTest {

	@Test
	void reportsHealth() {
		anonymous().get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void metricsAreForThoseWhoMayReadTheSettings() {
		anonymous().get().uri("/actuator/prometheus").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		String nobody = signIn((String) createUser(unique("metrics")).get("username"), PASSWORD).createToken("m");
		withToken(nobody).get().uri("/actuator/prometheus").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.code").isEqualTo("forbidden");
		admin().get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("jvm_memory_used_bytes").contains("http_server_requests"));
		// what a scraper gets: a token that can do nothing but read the settings
		String scraper = (String) admin().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("scraper"), "permissions", List.of("settings:read"))).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("token");
		withToken(scraper).get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	/**
	 * Ready once a System Administrator exists, and from then on without asking the database again, so that readiness
	 * answers at once while requests queue for the pool: the last System Administrator cannot be removed through
	 * Gatehouse, so the bindings are taken away behind its back here to show that the answer is the one kept.
	 */
	@Test
	void readyOnceASystemAdministratorExistsWithoutAskingAgain() {
		anonymous().get().uri("/actuator/health/readiness").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		List<Map<String, Object>> bindings = jdbc.sql("""
				SELECT id, principal_type, principal_id, role_id, resource_id, created_at FROM access_binding
				WHERE role_id = ?""").param(BuiltInRoles.SYSTEM_ADMINISTRATOR).query().listOfRows();
		jdbc.sql("DELETE FROM access_binding WHERE role_id = ?").param(BuiltInRoles.SYSTEM_ADMINISTRATOR).update();
		try {
			anonymous().get().uri("/actuator/health/readiness").exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$.status").isEqualTo("UP");
			anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		}
		finally {
			for (Map<String, Object> row : bindings) {
				jdbc.sql("""
						INSERT INTO access_binding (id, principal_type, principal_id, role_id, resource_id, created_at)
						VALUES (:id, :principal_type, :principal_id, :role_id, :resource_id, :created_at)""")
					.params(row).update();
			}
		}
	}

	@Test
	void describesTheApiInOpenApi() {
		anonymous().get().uri("/api/openapi").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.openapi").exists()
			.jsonPath("$.paths['/api/v1/users']").exists()
			.jsonPath("$.paths['/api/v1/session']").exists()
			.jsonPath("$.components.securitySchemes.token.scheme").isEqualTo("bearer");
		String ui = anonymous().get().uri("/api/docs").exchange()
			.expectStatus().is3xxRedirection()
			.returnResult().getResponseHeaders().getLocation().getPath();
		anonymous().get().uri(ui).exchange().expectStatus().isOk();
	}

	/**
	 * The document lists what a client sends, and only that: the Actor a controller is handed comes from the
	 * credential, not from a parameter; two request shapes of the same simple name stay two schemas.
	 */
	@Test
	void theOpenApiDocumentListsNoParameterTheServerDoesNotRead() {
		String document = anonymous().get().uri("/api/openapi").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		tools.jackson.databind.JsonNode api = tools.jackson.databind.json.JsonMapper.shared().readTree(document);
		assertThat(api.path("components").path("schemas").has("Actor")).isFalse();
		List<String> actors = new java.util.ArrayList<>();
		api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			for (tools.jackson.databind.JsonNode parameter : operation.getValue().path("parameters")) {
				if (parameter.path("name").asString().equals("actor")) {
					actors.add(operation.getKey() + " " + path.getKey());
				}
			}
		}));
		// the audit log's filter by who acted is a real one, on the list and on its export
		assertThat(actors).containsExactlyInAnyOrder("get /api/v1/audit-events", "get /api/v1/audit-events/export");
		assertThat(api.path("paths").path("/api/v1/authz/check/batch").path("post").path("requestBody").toString())
			.contains("CheckBatchRequest");
	}

	@Test
	void answersUnknownApiPathsWithAProblem() {
		admin().get().uri("/api/v1/nothing-here").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
	}
}
