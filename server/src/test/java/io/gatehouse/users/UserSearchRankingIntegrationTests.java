package io.gatehouse.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A text search sorted by username pages through both of its parts (usernames starting with the text, then the other
 * matches) once each, across the page where one part ends and the other begins, in both directions; the count the
 * users list shows with the page is the number of matches.
 */
class UserSearchRankingIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private UserDirectory directory;

	@Test
	void pagesAcrossThePartsOnceEachAndCountsThem() {
		String token = unique("rk").toLowerCase();
		List<String> prefixed = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			prefixed.add((String) createUser(Map.of("username", token + "-" + i, "email", unique("p") + "@example.com"))
				.get("username"));
			others.add((String) createUser(Map.of("username", unique("o"), "email", unique("o") + "@example.com",
					"lastName", "Mc" + token)).get("username"));
		}
		createUser(Map.of("username", unique("x"), "email", unique("x") + "@example.com"));

		for (String sort : List.of("username", "-username")) {
			for (int limit : List.of(1, 2, 3, 4, 7, 50)) {
				List<String> seen = allPages(token.toUpperCase(), sort, limit);
				assertThat(seen).as(sort + " by " + limit).hasSize(10).doesNotHaveDuplicates();
				List<String> expectedFirst = new ArrayList<>(prefixed);
				if (sort.startsWith("-")) {
					java.util.Collections.reverse(expectedFirst);
				}
				assertThat(seen.subList(0, 5)).as(sort + " by " + limit).containsExactlyElementsOf(expectedFirst);
				assertThat(seen.subList(5, 10)).as(sort + " by " + limit).containsExactlyInAnyOrderElementsOf(others);
			}
		}

		UserSearch first = new UserSearch(token, null, null, UserSort.DEFAULT, 3, null, null, null);
		CountedUserPage counted = directory.searchCounted(Actor.system(), first);
		assertThat(counted.count()).isEqualTo(new UserCount(10, false));
		assertThat(directory.count(Actor.system(), first)).isEqualTo(new UserCount(10, false));
		assertThat(counted.page().items()).extracting(User::username).containsExactlyElementsOf(prefixed.subList(0, 3));
		// a page holding every match is its own count
		UserSearch whole = new UserSearch(token + "-3", null, null, UserSort.DEFAULT, 50, null, null, null);
		assertThat(directory.searchCounted(Actor.system(), whole).count()).isEqualTo(new UserCount(1, false));
		UserSearch inside = new UserSearch("mc" + token, null, null, UserSort.DEFAULT, 2, null, null, null);
		assertThat(directory.searchCounted(Actor.system(), inside).count()).isEqualTo(new UserCount(5, false));
	}

	@Test
	void refusesACursorOfARankedSearchInAnUnrankedOne() {
		String token = unique("rc").toLowerCase();
		for (int i = 0; i < 3; i++) {
			createUser(Map.of("username", token + i, "email", token + i + "@example.com"));
		}
		UserPage page = directory.search(Actor.system(),
				new UserSearch(token, null, null, UserSort.DEFAULT, 1, null, null, null));
		assertThat(page.nextCursor()).isNotNull();
		assertThatThrownBy(() -> directory.search(Actor.system(),
				new UserSearch(null, null, null, UserSort.DEFAULT, 1, page.nextCursor(), null, null)))
			.isInstanceOf(DomainException.class);
	}

	private List<String> allPages(String text, String sort, int limit) {
		List<String> names = new ArrayList<>();
		String cursor = null;
		do {
			UserPage page = directory.search(Actor.system(),
					new UserSearch(text, null, null, UserSort.parse(sort), limit, cursor, null, null));
			page.items().forEach(user -> names.add(user.username()));
			cursor = page.nextCursor();
		}
		while (cursor != null && names.size() < 30);
		return names;
	}
}
