package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token lists (the profile's, a user's Tokens tab) show what each token is limited to: its permissions and its
 * resource by name, or all permissions.
 */
class ConsoleTokenScopesIntegrationTests extends ApiIntegrationTest {

	@Test
	void theTokenListsShowPermissionsAndResource() {
		String workspace = unique("Scoped-");
		String workspaceId = createResource(admin(), "workspace", workspace, null);
		String name = unique("scoper");
		Map<String, Object> user = createUser(name);
		bind(admin(), workspaceId, user, BuiltInRoles.ADMIN).expectStatus().isCreated();
		SignedIn session = signIn(name, PASSWORD);
		session.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "ci", "permissions", List.of("resources:read", "projects:*"), "resource", workspaceId))
			.exchange().expectStatus().isCreated();
		session.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "laptop")).exchange().expectStatus().isCreated();

		String profile = session.cookieOnly().get().uri("/console/profile").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(profile).contains("<th scope=\"col\">Scope</th>")
			.contains("<td class=\"token-scope\">resources:read, projects:* in “" + workspace + "”</td>")
			.contains("<td class=\"token-scope\">All permissions</td>");

		String tab = signIn(ADMIN, ADMIN_PASSWORD).cookieOnly().get()
			.uri("/console/users/{id}/tokens", user.get("id")).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(tab).contains("<td class=\"token-scope\">resources:read, projects:* in “" + workspace + "”</td>")
			.contains("<td class=\"token-scope\">All permissions</td>");
	}
}
