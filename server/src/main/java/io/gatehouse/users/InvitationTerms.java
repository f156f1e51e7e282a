package io.gatehouse.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;

/**
 * The terms of an invitation: how long its link works, what a resend renews, and what accepting it needs. The link
 * itself (single use, the newest only, dead at its expiry) is a {@link Link}.
 */
final class InvitationTerms {

	private InvitationTerms() {
	}

	static Invitation first(User invited, Actor inviter, Instant now, Duration expiry) {
		return new Invitation(invited, inviter.username(), now, now.plus(expiry), 1);
	}

	/** A resend starts the whole period again from now; who invited and when stay. */
	static Invitation resent(Invitation invitation, Instant now, Duration expiry) {
		return new Invitation(invitation.user(), invitation.invitedBy(), invitation.invitedAt(), now.plus(expiry),
				invitation.sentCount() + 1);
	}

	/**
	 * The user a valid invitation link names, if they are still pending: one who accepted already, was deleted or the
	 * invitation cancelled makes the link as invalid as an unknown one, so nothing about the account is told.
	 */
	static User acceptor(Optional<User> linked) {
		return linked.filter(user -> user.status() == UserStatus.PENDING).orElseThrow(LinkStore::invalid);
	}

	static void requirePassword(String password) {
		if (password == null || password.isEmpty()) {
			throw DomainException.invalidField("password", "required", "is required");
		}
	}
}
