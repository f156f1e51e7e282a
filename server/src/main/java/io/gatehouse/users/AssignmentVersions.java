package io.gatehouse.users;

import java.time.Clock;
import java.util.UUID;

import io.gatehouse.access.SystemAdministratorGranted;
import io.gatehouse.groups.GroupChanged;
import io.gatehouse.resources.BindingChanged;
import io.gatehouse.resources.RestrictionChanged;
import io.gatehouse.shared.CreatedInTransaction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A user's roles, groups and restriction are part of the account a client reads and edits (the roles of
 * {@code GET /users/{id}}, the groups and bindings of its PATCH), so a change to them moves the account's version and
 * ETag in the same transaction: an edit made against the earlier version then fails its If-Match instead of
 * silently undoing this one. A user made in this transaction gets their first roles as part of being made.
 */
@Component
class AssignmentVersions {

	private final UserStore users;

	private final ActiveUserCache activeUsers;

	private final Clock clock;

	AssignmentVersions(UserStore users, ActiveUserCache activeUsers, Clock clock) {
		this.users = users;
		this.activeUsers = activeUsers;
		this.clock = clock;
	}

	@EventListener
	void on(BindingChanged change) {
		moveVersion(change.affectedUser());
	}

	@EventListener
	void on(GroupChanged change) {
		moveVersion(change.affectedUser());
	}

	@EventListener
	void on(RestrictionChanged change) {
		moveVersion(change.userId());
	}

	@EventListener
	void on(SystemAdministratorGranted change) {
		moveVersion(change.userId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetCached(BindingChanged change) {
		forget(change.affectedUser());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetCached(GroupChanged change) {
		forget(change.affectedUser());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetCached(RestrictionChanged change) {
		forget(change.userId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetCached(SystemAdministratorGranted change) {
		forget(change.userId());
	}

	private void moveVersion(UUID userId) {
		if (userId != null && !CreatedInTransaction.contains(userId)) {
			users.moveVersion(userId, clock.instant());
			activeUsers.announce(userId);
		}
	}

	private void forget(UUID userId) {
		if (userId != null) {
			activeUsers.forget(userId);
		}
	}
}
