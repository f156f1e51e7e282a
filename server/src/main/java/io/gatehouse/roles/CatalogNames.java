package io.gatehouse.roles;

import java.util.regex.Pattern;

import io.gatehouse.shared.DomainException;

/**
 * The shape of the names the platform registers (areas, actions, resource types): they appear inside permission
 * strings such as {@code invoices:approve}, so they are kept to lower-case words that need no quoting anywhere.
 */
final class CatalogNames {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	private CatalogNames() {
	}

	static String check(String field, String name) {
		if (name == null || name.isBlank()) {
			throw DomainException.invalidField(field, "required", "is required");
		}
		if (!NAME.matcher(name).matches()) {
			throw DomainException.invalidField(field, "pattern",
					"must be 1 to 64 lower-case letters, digits or '-', starting with a letter");
		}
		return name;
	}
}
