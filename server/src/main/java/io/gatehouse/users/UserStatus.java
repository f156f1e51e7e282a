package io.gatehouse.users;

import java.util.Locale;

/** Where an account is in its life. Only {@link #ACTIVE} users sign in or use tokens. */
public enum UserStatus {

	PENDING, ACTIVE, DEACTIVATED, DELETED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static UserStatus fromCode(String code) {
		for (UserStatus status : values()) {
			if (status.code().equalsIgnoreCase(code)) {
				return status;
			}
		}
		return null;
	}
}
