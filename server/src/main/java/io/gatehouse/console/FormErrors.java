package io.gatehouse.console;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/**
 * What a refused form shows: each field's message next to that field, and one summary on top. Built from the
 * domain's own failure, so the console says exactly what the API would.
 *
 * @param fields message by field name; a field named like {@code bindings[2].roleId} is reported on {@code bindings}
 */
public record FormErrors(String summary, Map<String, String> fields) {

	public static final FormErrors NONE = new FormErrors(null, Map.of());

	public static FormErrors of(DomainException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldViolation violation : ex.violations()) {
			// two entries of one list refused alike ("bindings[0]", "bindings[2]") say it once next to the list
			fields.merge(baseField(violation.field()), sentence(violation.message()),
					(a, b) -> a.contains(b) ? a : a + " " + b);
		}
		return new FormErrors(summary(ex), fields);
	}

	/**
	 * Whether a refusal belongs next to the form that caused it: bad or conflicting input, or a grant the editor does
	 * not hold. Forbidden and not-found go to the error page instead.
	 */
	public static boolean belongOnTheForm(DomainException ex) {
		return ex.kind() == DomainException.Kind.INVALID || ex.kind() == DomainException.Kind.CONFLICT
				|| (ex.kind() == DomainException.Kind.FORBIDDEN && "privilege-escalation".equals(ex.code()));
	}

	/** A message on top of the form that belongs to no field. */
	public static FormErrors summary(String message) {
		return new FormErrors(message, Map.of());
	}

	public static FormErrors field(String field, String message) {
		return new FormErrors("Check the highlighted field.", Map.of(field, sentence(message)));
	}

	public boolean any() {
		return summary != null || !fields.isEmpty();
	}

	public boolean has(String field) {
		return fields.containsKey(field);
	}

	public String get(String field) {
		return fields.get(field);
	}

	/**
	 * The domain's message, unless it is one field's own ("confirmPassword must match the password"), which reads
	 * better next to that field alone.
	 */
	private static String summary(DomainException ex) {
		for (FieldViolation violation : ex.violations()) {
			if (ex.getMessage() != null && ex.getMessage().startsWith(violation.field() + " ")) {
				return ex.violations().size() == 1 ? "Check the highlighted field." : "Check the highlighted fields.";
			}
		}
		return ex.getMessage();
	}

	/** {@code profile.granular.users} and {@code bindings[0].roleId} belong to their form field. */
	static String baseField(String field) {
		int cut = field.length();
		int bracket = field.indexOf('[');
		int dot = field.indexOf('.');
		if (bracket > 0) {
			cut = bracket;
		}
		if (dot > 0 && dot < cut) {
			cut = dot;
		}
		return field.substring(0, cut);
	}

	/** The domain says "must be ..." after the field's name; next to a labelled box it reads as a sentence. */
	private static String sentence(String message) {
		if (message == null || message.isEmpty()) {
			return "";
		}
		String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
		return text.endsWith(".") ? text : text + ".";
	}
}
