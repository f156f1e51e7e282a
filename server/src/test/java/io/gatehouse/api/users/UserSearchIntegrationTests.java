package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prefix search finds a user by any of the four columns, once, in username order, page after page; and the
 * quick path PostgreSQL takes for it (no other filter) answers exactly as the general query does (with a filter).
 */
class UserSearchIntegrationTests extends ApiIntegrationTest {

	@Test
	void findsEachMatchOnceInUsernameOrderAcrossPages() {
		String token = unique("zq").toLowerCase();
		createUser(Map.of("username", token + "-user", "email", unique("a") + "@example.com", "password", PASSWORD));
		createUser(Map.of("username", unique("b"), "email", token + "mail@example.com", "password", PASSWORD));
		createUser(Map.of("username", unique("c"), "email", unique("c") + "@example.com", "firstName", token + "Ann"));
		createUser(Map.of("username", unique("d"), "email", unique("d") + "@example.com", "lastName", token + "Smith"));
		createUser(Map.of("username", token + "-all", "email", token + "-all@example.com", "firstName", token,
				"lastName", token));
		createUser(Map.of("username", unique("e"), "email", unique("e") + "@example.com", "firstName", token + "Bo",
				"lastName", token + "Jones"));
		createUser(Map.of("username", unique("f"), "email", unique("f") + "@example.com", "firstName", "Unrelated"));

		List<String> quick = allPages("q=" + token.toUpperCase());
		List<String> general = allPages("q=" + token + "&status=active");
		assertThat(quick).hasSize(6).doesNotHaveDuplicates().isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(quick).isEqualTo(general);
		assertThat(quick).contains(token + "-user", token + "-all");
	}

	/** Every username of the search, reading pages of two by their cursors. */
	private List<String> allPages(String query) {
		List<String> names = new ArrayList<>();
		String cursor = null;
		do {
			Map<String, Object> page = admin().get()
				.uri("/api/v1/users?limit=2&" + query + (cursor == null ? "" : "&cursor=" + cursor))
				.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			items.forEach(item -> names.add((String) item.get("username")));
			cursor = (String) page.get("nextCursor");
		}
		while (cursor != null && names.size() < 50);
		return names;
	}
}
