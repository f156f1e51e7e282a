package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.gatehouse.shared.Counts;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a bulk action of the users list did: how many users it changed, and each user it was refused for with the
 * reason's code. It travels in the redirect's URL (the console keeps no session); the page turns the codes into its
 * own words and the ids into usernames, so a link cannot make the page say anything else. Only the first
 * {@link #NAMED} refusals are named, which keeps the URL short.
 */
record BulkOutcome(String action, int changed, Map<UUID, String> refused, int refusedUnnamed) {

	static final int NAMED = 10;

	private static final Map<String, String> REASONS = Map.of(
			"privilege-escalation", "beyond what you may grant",
			"cannot-deactivate-self", "your own account",
			"invalid-status", "not active",
			"last-system-administrator", "the last System Administrator",
			"user-not-found", "no longer exists",
			"forbidden", "you may not change users",
			"authorization-external", "roles come from the identity provider");

	static BulkOutcome of(String action, int changed, List<Map.Entry<UUID, String>> refusals) {
		Map<UUID, String> named = new LinkedHashMap<>();
		refusals.stream().limit(NAMED).forEach(entry -> named.put(entry.getKey(), entry.getValue()));
		return new BulkOutcome(action, changed, named, Math.max(0, refusals.size() - NAMED));
	}

	/** Read back from the list's URL; null when there is none or it is not one this class wrote. */
	static BulkOutcome parse(String action, Integer changed, String refused, Integer unnamed) {
		if (!"deactivate".equals(action) && !"add-role".equals(action) && !"remove-role".equals(action)) {
			return null;
		}
		Map<UUID, String> named = new LinkedHashMap<>();
		if (refused != null && !refused.isBlank()) {
			for (String entry : refused.split(",")) {
				int colon = entry.indexOf(':');
				try {
					named.put(UUID.fromString(entry.substring(0, Math.max(colon, 0))), entry.substring(colon + 1));
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return new BulkOutcome(action, changed == null ? 0 : Math.max(changed, 0), named,
				unnamed == null ? 0 : Math.max(unnamed, 0));
	}

	String appendTo(String listLink) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(listLink)
			.queryParam("bulk", action)
			.queryParam("changed", changed);
		if (!refused.isEmpty()) {
			List<String> entries = new ArrayList<>();
			refused.forEach((id, code) -> entries.add(id + ":" + code));
			uri.queryParam("refused", String.join(",", entries));
		}
		if (refusedUnnamed > 0) {
			uri.queryParam("unnamed", refusedUnnamed);
		}
		return uri.encode().build().toUriString();
	}

	/** The report, in words: "2 users deactivated. Refused for ada (your own account)." */
	String message(Function<UUID, String> usernames) {
		String done = switch (action) {
			case "deactivate" -> Counts.of(changed, "user", "users") + " deactivated.";
			case "add-role" -> "Role given to " + Counts.of(changed, "user", "users") + ".";
			default -> "Role taken from " + Counts.of(changed, "user", "users") + ".";
		};
		if (refused.isEmpty()) {
			return done;
		}
		List<String> names = new ArrayList<>();
		refused.forEach((id, code) -> names.add(usernames.apply(id) + " ("
				+ REASONS.getOrDefault(code, "not allowed") + ")"));
		String more = refusedUnnamed > 0 ? " and " + Counts.of(refusedUnnamed, "other", "others") : "";
		return done + " Refused for " + String.join(", ", names) + more + ".";
	}

	boolean anyRefused() {
		return !refused.isEmpty() || refusedUnnamed > 0;
	}
}
