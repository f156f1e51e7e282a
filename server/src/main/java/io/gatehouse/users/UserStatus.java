package io.gatehouse.users;

import java.util.Locale;

import io.gatehouse.shared.DomainException;

/** Where an account is in its life. Only {@link #ACTIVE} users sign in or use tokens. */
public enum UserStatus {

	PENDING, ACTIVE, DEACTIVATED, DELETED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status a client named, in any case; anything else is refused naming the {@code status} field. */
	public static UserStatus parse(String code) {
		for (UserStatus status : values()) {
			if (status.code().equalsIgnoreCase(code)) {
				return status;
			}
		}
		throw DomainException.invalidField("status", "one-of", "must be one of pending, active, deactivated, deleted");
	}
}
