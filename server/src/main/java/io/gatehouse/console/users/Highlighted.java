package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cell's text cut where the search matched it, so that the page can mark the match. Matched as the search does:
 * ignoring case, any run of spaces as one.
 */
record Highlighted(List<Part> parts) {

	record Part(String text, boolean match) {
	}

	static Highlighted of(String text, String query) {
		if (text == null || text.isEmpty()) {
			return new Highlighted(List.of());
		}
		String wanted = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		String lower = text.toLowerCase(Locale.ROOT);
		// a letter whose lower case is longer (İ) would shift every index after it: such a text is shown unmarked
		if (wanted.isEmpty() || lower.length() != text.length()) {
			return new Highlighted(List.of(new Part(text, false)));
		}
		List<Part> parts = new ArrayList<>();
		int from = 0;
		for (int at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length())) {
			if (at > from) {
				parts.add(new Part(text.substring(from, at), false));
			}
			parts.add(new Part(text.substring(at, at + wanted.length()), true));
			from = at + wanted.length();
		}
		if (from < text.length()) {
			parts.add(new Part(text.substring(from), false));
		}
		return new Highlighted(parts);
	}
}
