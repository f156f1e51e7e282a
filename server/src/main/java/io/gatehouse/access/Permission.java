package io.gatehouse.access;

/**
 * One permission, written {@code area:action}, e.g. {@code projects:read} or {@code billing:refund}. Both parts
 * are restricted to lower-case letters, digits, '-' and '_' so that a permission has exactly one spelling: two
 * places naming the same permission can never disagree on case or whitespace.
 */
public record Permission(String area, String action) {

	public Permission {
		String problem = problemWith("area", area);
		if (problem == null) {
			problem = problemWith("action", action);
		}
		if (problem != null) {
			throw new IllegalArgumentException("Invalid permission: " + problem);
		}
	}

	/** Reads {@code area:action}; throws {@link IllegalArgumentException} naming what is wrong otherwise. */
	public static Permission parse(String text) {
		int colon = colonOf(text, "permission");
		String area = text.substring(0, colon);
		String action = text.substring(colon + 1);
		String problem = problemWith("area", area);
		if (problem == null) {
			problem = problemWith("action", action);
		}
		if (problem != null) {
			throw new IllegalArgumentException("'" + text + "' is not a permission: " + problem);
		}
		return new Permission(area, action);
	}

	@Override
	public String toString() {
		return area + ":" + action;
	}

	static int colonOf(String text, String what) {
		if (text == null) {
			throw new IllegalArgumentException("A " + what + " is required, written area:action.");
		}
		int colon = text.indexOf(':');
		if (colon < 0 || colon != text.lastIndexOf(':')) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a " + what + ": write it area:action, with one colon.");
		}
		return colon;
	}

	/** Null when {@code value} is a valid area or action name, else why not. */
	static String problemWith(String part, String value) {
		if (value == null || value.isEmpty()) {
			return "the " + part + " is empty.";
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
			if (!allowed) {
				return "the " + part + " '" + value + "' may hold only lower-case letters, digits, '-' and '_'.";
			}
		}
		return null;
	}
}
