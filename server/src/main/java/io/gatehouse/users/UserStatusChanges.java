package io.gatehouse.users;

import java.time.Clock;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Deactivating and reactivating an account, on their own or as the Is Active switch of an edit: the same checks and
 * events either way. Runs in the transaction of {@link UserManagement}, through which the doors reach it.
 */
@Component
class UserStatusChanges {

	private final AccessControl access;

	private final UserWrites writes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserStatusChanges(AccessControl access, UserWrites writes, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	User deactivate(Actor actor, UUID id, Long expectedVersion) {
		access.require(actor, Permissions.USERS_UPDATE);
		User current = writes.existing(id);
		access.requireAuthorityOver(actor, id);
		UserWrites.checkVersion(current, expectedVersion);
		if (actor.is(id)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "cannot-deactivate-self",
					"You cannot deactivate your own account; ask another administrator.");
		}
		if (current.status() == UserStatus.DEACTIVATED) {
			return current;
		}
		if (current.status() != UserStatus.ACTIVE) {
			throw new DomainException(DomainException.Kind.CONFLICT, "invalid-status",
					"Only an active user can be deactivated; this one is " + current.status().code() + ".");
		}
		access.refuseRemovingLastSystemAdministrator(id);
		User updated = withStatus(current, UserStatus.DEACTIVATED);
		writes.write(updated, current.version());
		events.publishEvent(new UserDeactivated(actor, id));
		return updated;
	}

	/** Reactivating hands the user back everything they hold: held to the rule of granting it. */
	User reactivate(Actor actor, UUID id, Long expectedVersion) {
		access.require(actor, Permissions.USERS_UPDATE);
		User current = writes.existing(id);
		access.requireAuthorityOver(actor, id);
		UserWrites.checkVersion(current, expectedVersion);
		if (current.status() == UserStatus.ACTIVE) {
			return current;
		}
		if (current.status() != UserStatus.DEACTIVATED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "invalid-status",
					"Only a deactivated user can be reactivated; this one is " + current.status().code() + ".");
		}
		User updated = withStatus(current, UserStatus.ACTIVE);
		writes.write(updated, current.version());
		events.publishEvent(new UserReactivated(actor, id));
		return updated;
	}

	/** The switch of an edit, applied over the version the edit's own fields left: nothing when it already holds. */
	User setActive(Actor actor, User current, boolean active) {
		if (active == current.isActive()) {
			return current;
		}
		return active ? reactivate(actor, current.id(), current.version())
				: deactivate(actor, current.id(), current.version());
	}

	private User withStatus(User user, UserStatus status) {
		return new User(user.id(), user.username(), user.email(), user.emailVerified(), user.firstName(),
				user.lastName(), user.displayName(), user.department(), user.timeZone(), status, user.source(),
				user.externalId(), user.mustChangePassword(), user.lastLoginAt(), user.createdAt(), clock.instant(),
				user.version() + 1);
	}
}
