package io.gatehouse.users;

import io.gatehouse.shared.DomainException;

/** A sort order of the users list: a field, ascending unless written with a leading '-'. */
public record UserSort(Field field, boolean descending) {

	public enum Field {

		USERNAME("username", "u.username_normalized"), EMAIL("email", "u.email_normalized"),
		CREATED_AT("createdAt", "u.created_at"),
		// never-signed-in users sort as if they last signed in at the epoch, so keyset paging has no NULLs to skip
		LAST_LOGIN_AT("lastLoginAt", "COALESCE(u.last_login_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00')");

		final String param;

		final String expression;

		Field(String param, String expression) {
			this.param = param;
			this.expression = expression;
		}
	}

	public static final UserSort DEFAULT = new UserSort(Field.USERNAME, false);

	public static UserSort parse(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT;
		}
		boolean descending = value.startsWith("-");
		String name = descending ? value.substring(1) : value;
		for (Field field : Field.values()) {
			if (field.param.equals(name)) {
				return new UserSort(field, descending);
			}
		}
		throw DomainException.invalidField("sort", "one-of",
				"must be one of username, email, createdAt, lastLoginAt, optionally prefixed with '-' for descending");
	}

	@Override
	public String toString() {
		return (descending ? "-" : "") + field.param;
	}
}
