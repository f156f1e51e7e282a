package io.gatehouse.api;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** What an operator and an API client find without signing in: health, metrics and the API description. */
class OperationsIntegrationTests extends ApiIntegrationTest {

	@Test
	void reportsHealth() {
		anonymous().get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void exposesPrometheusMetrics() {
		anonymous().get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes")
				.contains("http_server_requests"));
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

	@Test
	void answersUnknownApiPathsWithAProblem() {
		admin().get().uri("/api/v1/nothing-here").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
	}
}
