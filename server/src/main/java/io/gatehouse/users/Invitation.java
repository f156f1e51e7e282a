package io.gatehouse.users;

import java.time.Instant;

/** A pending invitation: the invited (pending) user, who invited them, and until when the current link works. */
public record Invitation(User user, String invitedBy, Instant invitedAt, Instant expiresAt, int sentCount) {
}
