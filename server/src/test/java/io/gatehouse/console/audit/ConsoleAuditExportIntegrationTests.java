package io.gatehouse.console.audit;

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
 * The audit log as people read it over HTTP: names instead of ids, "(deleted)" for what is gone, and the filtered
 * events as CSV (safe to open in a spreadsheet) and JSON lines, only for someone who may read the log.
 */
class ConsoleAuditExportIntegrationTests extends ApiIntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void eventsNameTheirTargetsAndSayWhenOneIsDeleted() {
		Map<String, Object> user = createUser(unique("named-"));
		String group = group(unique("Gone "));
		admin().delete().uri("/api/v1/groups/" + group).exchange().expectStatus().is2xxSuccessful();
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);

		String userPage = page(admin, "/console/audit?targetId=" + user.get("id"));
		assertThat(userPage).contains("<a href=\"/console/users/" + user.get("id") + "\" title=\"" + user.get("id")
				+ "\">" + user.get("username") + "</a>");
		String groupPage = page(admin, "/console/audit?targetType=group&targetId=" + group);
		assertThat(groupPage).contains("group.created", "group.deleted", "(deleted)")
			.doesNotContain("href=\"/console/groups/" + group + "\"");
		// the actor is named and leads to everything they did
		assertThat(groupPage).contains("href=\"/console/audit?actor=");
		// the action filter offers the known actions
		assertThat(groupPage).contains("<datalist id=\"action-choices\">", "<option value=\"user.*\">",
				"<option value=\"group.deleted\">");
	}

	@Test
	void theFilteredEventsExportAsCsvWithFormulaCellsMadeText() {
		String name = "=HYPERLINK(\"x\")" + unique("");
		String group = group(name);
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);

		var result = admin.cookieOnly().get().uri("/console/audit/export?format=csv&targetId=" + group).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
				.startsWith("attachment; filename=\"audit-").endsWith(".csv\""))
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> lines = Arrays.asList(result.split("\r\n"));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo(
				"\"time\",\"actor\",\"actorId\",\"action\",\"targetType\",\"targetId\",\"target\",\"outcome\",\"clientIp\",\"details\"");
		assertThat(lines.get(1)).contains("\"admin\"", "\"group.created\"", "\"group\"", "\"" + group + "\"",
				"\"'=HYPERLINK(\"\"x\"\")");
	}

	@Test
	void theFilteredEventsExportAsJsonLinesAndOnAUsersAuditTab() {
		Map<String, Object> user = createUser(unique("lines-"));
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);

		String body = admin.cookieOnly().get()
			.uri("/console/users/" + user.get("id") + "/audit/export?format=jsonl&action=user.created")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> lines = body.lines().toList();
		assertThat(lines).hasSize(1);
		Map<?, ?> event = json.readValue(lines.get(0), Map.class);
		assertThat(event.get("action")).isEqualTo("user.created");
		assertThat(event.get("target")).isEqualTo(user.get("username"));
		assertThat(event.get("actor")).isEqualTo(ADMIN);
		assertThat(((Map<?, ?>) event.get("details")).get("username")).isEqualTo(user.get("username"));

		// the tab shows the same filters and names
		String tab = page(admin, "/console/users/" + user.get("id") + "/audit?action=user.created");
		assertThat(tab).contains("id=\"audit-filters\"", "id=\"export-csv\"",
				"/console/users/" + user.get("id") + "/audit/export?action=user.created&amp;format=csv");
	}

	@Test
	void anExportIsRefusedToWhoCannotReadTheLogAndABadFormatNamesTheField() {
		Map<String, Object> user = createUser(unique("noaudit-"));
		SignedIn plain = signIn((String) user.get("username"), PASSWORD);
		String refused = plain.cookieOnly().get().uri("/console/audit/export?format=csv").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).doesNotContain("\"time\",\"actor\"");
		plain.cookieOnly().get().uri("/console/audit/actors?actor=ad").exchange().expectStatus().isForbidden();

		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		String bad = admin.cookieOnly().get().uri("/console/audit/export?format=xlsx").exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(bad).contains("must be one of csv, jsonl");
		String suggestions = admin.cookieOnly().get().uri("/console/audit/actors?actor=admi").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(suggestions).contains("<option value=\"admin\">admin</option>");
	}

	private String group(String name) {
		return (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
	}

	private static String page(SignedIn who, String uri) {
		return who.cookieOnly().get().uri(uri).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}
}
