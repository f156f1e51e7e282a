package io.gatehouse.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/**
 * What to look for in the audit log. Every filter is optional; all given must hold. Checked on construction, so the
 * API and the console refuse the same input with the same words, each naming its field.
 *
 * @param actor a username (as it was when the event happened) or a user id
 * @param action an exact action ({@code user.created}) or a prefix ending in {@code *} ({@code user.*})
 * @param from inclusive; {@code to} exclusive
 * @param cursor the {@code nextCursor} of the previous page
 */
public record AuditSearch(String actor, String action, String targetType, String targetId, String outcome,
		Instant from, Instant to, int limit, String cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 200;

	public static final Set<String> OUTCOMES = Set.of("success", "failure", "pending");

	private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}\\*?|\\*");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	public AuditSearch {
		actor = blankToNull(actor);
		action = blankToNull(action);
		targetType = blankToNull(targetType);
		targetId = blankToNull(targetId);
		outcome = blankToNull(outcome);
		cursor = blankToNull(cursor);
		if (action != null) {
			action = action.toLowerCase(Locale.ROOT);
		}
		if (outcome != null) {
			outcome = outcome.toLowerCase(Locale.ROOT);
		}
		if (targetType != null) {
			targetType = targetType.toLowerCase(Locale.ROOT);
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (actor != null && actorId(actor) == null && !NAME.matcher(actor).matches()) {
			violations.add(new FieldViolation("actor", "actor", "must be a username or a user id"));
		}
		if (action != null && !ACTION.matcher(action).matches()) {
			violations.add(new FieldViolation("action", "action",
					"must be an action like user.created, or a prefix ending in * like user.*"));
		}
		if (targetType != null && !NAME.matcher(targetType).matches()) {
			violations.add(new FieldViolation("targetType", "target-type", "must be a type like user, group or token"));
		}
		if (targetId != null && targetId.length() > 64) {
			violations.add(new FieldViolation("targetId", "size", "must be at most 64 characters"));
		}
		if (outcome != null && !OUTCOMES.contains(outcome)) {
			violations.add(new FieldViolation("outcome", "one-of", "must be one of success, failure, pending"));
		}
		if (from != null && to != null && !from.isBefore(to)) {
			violations.add(new FieldViolation("to", "after-from", "must be later than from"));
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			violations.add(new FieldViolation("limit", "range", "must be between 1 and " + MAX_LIMIT));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", violations.size() == 1
					? violations.get(0).field() + " " + violations.get(0).message()
					: "Check the filters: " + violations.size() + " are invalid.", violations);
		}
	}

	/** Everything, newest first. */
	public static AuditSearch all(int limit, String cursor) {
		return new AuditSearch(null, null, null, null, null, null, null, limit, cursor);
	}

	/** The actor as a user id, when it is one. */
	UUID actorId() {
		return actor == null ? null : actorId(actor);
	}

	/** The action's prefix without the {@code *}, or {@code null} when the action is exact or absent. */
	String actionPrefix() {
		return action != null && action.endsWith("*") ? action.substring(0, action.length() - 1) : null;
	}

	private static UUID actorId(String text) {
		if (text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
