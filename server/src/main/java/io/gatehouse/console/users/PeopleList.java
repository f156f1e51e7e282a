package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;

import io.gatehouse.users.BatchAccount;

/**
 * "Add people" box as typed: emails one per line or separated by commas or semicolons, each optionally
 * followed by a username after a space ({@code ada@example.com ada}); without one it is inferred from the email.
 */
record PeopleList(List<BatchAccount> accounts) {

	static PeopleList parse(String text) {
		List<BatchAccount> accounts = new ArrayList<>();
		if (text == null) {
			return new PeopleList(accounts);
		}
		for (String entry : text.split("[\\r\\n,;]+")) {
			String[] words = entry.strip().split("\\s+");
			if (words[0].isEmpty()) {
				continue;
			}
			accounts.add(new BatchAccount(words[0], words.length > 1 ? String.join(" ", List.of(words).subList(1, words.length)) : null));
		}
		return new PeopleList(accounts);
	}
}
