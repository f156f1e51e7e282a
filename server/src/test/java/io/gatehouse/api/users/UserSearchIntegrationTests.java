package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search finds a user by text anywhere in any of the columns, once, in username order, page after page; a
 * filter narrows the same matches (on PostgreSQL the text is looked up in a trigram index, on H2 by a scan).
 */
class UserSearchIntegrationTests extends ApiIntegrationTest {

	@Test
	void findsEachMatchOnceInUsernameOrderAcrossPages() {
		String token = unique("zq").toLowerCase();
		createUser(Map.of("username", "pre-" + token + "-user", "email", unique("a") + "@example.com", "password", PASSWORD));
		createUser(Map.of("username", unique("b"), "email", "mail@" + token + ".example", "password", PASSWORD));
		createUser(Map.of("username", unique("c"), "email", unique("c") + "@example.com", "firstName", "Ann" + token));
		createUser(Map.of("username", unique("d"), "email", unique("d") + "@example.com", "lastName", "Mc" + token + "Smith"));
		createUser(Map.of("username", token + "-all", "email", token + "-all@example.com", "firstName", token,
				"lastName", token));
		createUser(Map.of("username", unique("e"), "email", unique("e") + "@example.com", "firstName", token + "Bo",
				"lastName", token + "Jones"));
		createUser(Map.of("username", unique("f"), "email", unique("f") + "@example.com", "firstName", "Unrelated"));

		List<String> all = allPages("q=" + token.toUpperCase());
		List<String> active = allPages("q=" + token + "&status=active");
		assertThat(all).hasSize(6).doesNotHaveDuplicates().isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(all).isEqualTo(active);
		assertThat(all).contains("pre-" + token + "-user", token + "-all");
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
