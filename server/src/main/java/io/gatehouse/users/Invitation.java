package io.gatehouse.users;

import java.time.Instant;

/** A pending invitation: the invited (pending) user, who invited them, and until when the current link works. */
public record Invitation(User user, String invitedBy, Instant invitedAt, Instant expiresAt, int sentCount) {

	/** Its link no longer works; the invitation stays listed, to resend or cancel, until the retention job cancels it. */
	public boolean expired(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
