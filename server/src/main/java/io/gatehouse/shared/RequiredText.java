package io.gatehouse.shared;

/** The rules text fields share: a required name is trimmed, present and within its limit; any text within its limit. */
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

	/**
	 * An optional text field (a description, an external id): absent or empty is fine, longer than its column is
	 * refused naming the field, instead of failing in the database.
	 */
	public static String atMost(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw DomainException.invalidField(field, "length", "must be at most " + max + " characters");
		}
		return value;
	}
}
