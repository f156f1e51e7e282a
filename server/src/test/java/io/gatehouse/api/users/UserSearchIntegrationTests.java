package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search finds a user by text anywhere in any of the columns, once, page after page: usernames starting with the
 * text first in username order, then the other matches newest first; a filter narrows the same matches (on
 * PostgreSQL the text is looked up in a trigram index, on H2 by a scan).
 */
class UserSearchIntegrationTests extends ApiIntegrationTest {

	@Test
	void findsEachMatchOnceUsernamesStartingWithTheTextFirstAcrossPages() {
		String token = unique("zq").toLowerCase();
		List<String> names = List.of("pre-" + token + "-user", unique("b"), unique("c"), unique("d"), token + "-all",
				unique("e"), unique("f"));
		createUser(Map.of("username", names.get(0), "email", unique("a") + "@example.com", "password", PASSWORD));
		pause();
		createUser(Map.of("username", names.get(1), "email", "mail@" + token + ".example", "password", PASSWORD));
		pause();
		createUser(Map.of("username", names.get(2), "email", unique("c") + "@example.com", "firstName", "Ann" + token));
		pause();
		createUser(Map.of("username", names.get(3), "email", unique("d") + "@example.com", "lastName", "Mc" + token + "Smith"));
		pause();
		createUser(Map.of("username", names.get(4), "email", token + "-all@example.com", "firstName", token,
				"lastName", token));
		pause();
		createUser(Map.of("username", names.get(5), "email", unique("e") + "@example.com", "firstName", token + "Bo",
				"lastName", token + "Jones"));
		createUser(Map.of("username", names.get(6), "email", unique("f") + "@example.com", "firstName", "Unrelated"));

		List<String> all = allPages("q=" + token.toUpperCase());
		List<String> active = allPages("q=" + token + "&status=active");
		assertThat(all).hasSize(6).doesNotHaveDuplicates();
		assertThat(all).isEqualTo(active);
		// the one username starting with the text, then the others newest first: created last, listed first
		assertThat(all.get(0)).isEqualTo(token + "-all");
		assertThat(all.subList(1, 6)).containsExactly(names.get(5), names.get(3), names.get(2), names.get(1),
				"pre-" + token + "-user");
	}

	/** Creation times a few milliseconds apart, so that "newest first" is one order whatever the clock's resolution. */
	private static void pause() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
