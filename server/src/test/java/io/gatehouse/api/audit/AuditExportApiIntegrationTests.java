package io.gatehouse.api.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/audit-events/export}: the events the list's filters find, as the console's export writes them
 * (CSV safe to open in a spreadsheet, or JSON lines), only with {@code audit:read}.
 */
class AuditExportApiIntegrationTests extends ApiIntegrationTest {

	private static final String HEADER = "\"time\",\"actor\",\"actorId\",\"action\",\"targetType\",\"targetId\","
			+ "\"target\",\"outcome\",\"clientIp\",\"details\"";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theFiltersOfTheListChooseTheEventsNewestFirst() {
		Map<String, Object> user = createUser(unique("exp"));
		Object id = user.get("id");
		admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().is2xxSuccessful();

		List<String> all = csv("targetId=" + id);
		assertThat(all.get(0)).isEqualTo(HEADER);
		assertThat(all.subList(1, all.size())).hasSize(2)
			.satisfiesExactly(line -> assertThat(line).contains("\"user.deactivated\""),
					line -> assertThat(line).contains("\"user.created\"", "\"" + user.get("username") + "\"",
							"\"" + ADMIN + "\"", "\"success\""));
		assertThat(csv("targetId=" + id + "&action=user.created")).hasSize(2);
		assertThat(csv("targetId=" + id + "&action=token.*")).containsExactly(HEADER);
		assertThat(csv("targetId=" + id + "&actor=nobody-at-all")).containsExactly(HEADER);
		assertThat(csv("targetId=" + id + "&outcome=failure")).containsExactly(HEADER);

		// a filter the list refuses is refused here the same way, before any file is started
		admin().get().uri("/api/v1/audit-events/export?outcome=maybe").exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome");
	}

	@Test
	void csvIsTheDefaultAndItsFormulaCellsStayText() {
		String name = "=HYPERLINK(\"x\")" + unique("");
		String group = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");

		String body = admin().get().uri("/api/v1/audit-events/export?targetId=" + group).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
				.startsWith("attachment; filename=\"audit-").endsWith(".csv\""))
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> lines = Arrays.asList(body.split("\r\n"));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("\"group.created\"", "\"'=HYPERLINK(\"\"x\"\")")
			.doesNotContain(",\"=HYPERLINK");
	}

	@Test
	void jsonLinesNameTheTarget() {
		Map<String, Object> user = createUser(unique("jl"));
		String body = admin().get()
			.uri("/api/v1/audit-events/export?format=jsonl&action=user.created&targetId=" + user.get("id"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/x-ndjson"))
			.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
				.endsWith(".jsonl\""))
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> lines = body.lines().toList();
		assertThat(lines).hasSize(1);
		Map<?, ?> event = json.readValue(lines.get(0), Map.class);
		assertThat(event.get("action")).isEqualTo("user.created");
		assertThat(event.get("targetId")).isEqualTo(user.get("id"));
		assertThat(event.get("target")).isEqualTo(user.get("username"));
		assertThat(event.get("actor")).isEqualTo(ADMIN);
	}

	@Test
	void withoutAuditReadOrWithAnUnknownFormatNothingIsExported() {
		Map<String, Object> user = createUser(unique("noaudit"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		String refused = withToken(token).get().uri("/api/v1/audit-events/export?format=csv").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).doesNotContain("\"time\",\"actor\"");
		anonymous().get().uri("/api/v1/audit-events/export").exchange().expectStatus().isUnauthorized();

		admin().get().uri("/api/v1/audit-events/export?format=xlsx").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("format")
			.jsonPath("$.errors[0].message").isEqualTo("must be one of csv, jsonl");
	}

	private List<String> csv(String query) {
		String body = admin().get().uri("/api/v1/audit-events/export?format=csv&" + query).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return Arrays.asList(body.split("\r\n"));
	}
}
