package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/**
 * A user's password was replaced. Sessions other than {@code keepSessionId} end with it: whoever knew the old
 * password must not stay signed in.
 */
public record PasswordSet(Actor actor, UUID userId, How how, UUID keepSessionId) implements UserEvent {

	public enum How {
		/** An administrator set it without knowing the old one (seed 002). */
		SET_BY_ADMIN("user.password.set"),
		/** An administrator had a temporary one generated; the user must change it (seed 003). */
		TEMPORARY("user.password.temporary-issued"),
		/** The user changed their own, knowing the current one. */
		CHANGED_BY_USER("user.password.changed"),
		/** The user chose a new one through a password-reset link mailed to them. */
		RESET("user.password.reset");

		final String action;

		How(String action) {
			this.action = action;
		}
	}

	@Override
	public String action() {
		return how.action;
	}
}
