package io.gatehouse.shared;

/** The rule every required name field shares: trimmed, present, and no longer than its limit. */
public final class RequiredText {

	private RequiredText() {
	}

	/** The trimmed value, or an invalid-field failure naming {@code field} and the rule it broke. */
	public static String check(String field, String value, int max) {
		String clean = value == null ? null : value.strip();
		if (clean == null || clean.isEmpty()) {
			throw DomainException.invalidField(field, "required", "is required");
		}
		if (clean.length() > max) {
			throw DomainException.invalidField(field, "length", "must be at most " + max + " characters");
		}
		return clean;
	}
}
