package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission check every feature service calls on its first line, in domain words:
 * {@code access.require(actor, Permissions.USERS_CREATE)} (at the instance) or with the resource concerned.
 */
@Service
public class AccessControl {

	private final AccessPolicy policy;

	private final SystemAdministrators administrators;

	private final ApplicationEventPublisher events;

	AccessControl(AccessPolicy policy, SystemAdministrators administrators, ApplicationEventPublisher events) {
		this.policy = policy;
		this.administrators = administrators;
		this.events = events;
	}

	/** Throws a forbidden failure unless the actor holds the permission on the instance. */
	public void require(Actor actor, String permission) {
		require(actor, permission, Resources.INSTANCE);
	}

	/** Throws a forbidden failure unless the actor holds the permission on the resource. */
	public void require(Actor actor, String permission, UUID resource) {
		if (!allows(actor, permission, resource)) {
			throw DomainException.forbidden("forbidden", "You do not have the permission " + permission + ".");
		}
	}

	public boolean allows(Actor actor, String permission) {
		return allows(actor, permission, Resources.INSTANCE);
	}

	public boolean allows(Actor actor, String permission, UUID resource) {
		if (actor.isSystem()) {
			return true;
		}
		return actor.userId() != null
				&& policy.allows(Subject.session(actor.userId()), Permission.parse(permission), resource);
	}

	public boolean isSystemAdministrator(UUID userId) {
		return administrators.contains(userId);
	}

	/** Only the system itself (the bootstrap) or another System Administrator may make one. */
	@Transactional
	public void grantSystemAdministrator(Actor actor, UUID userId) {
		if (!actor.isSystem() && !(actor.userId() != null && isSystemAdministrator(actor.userId()))) {
			throw DomainException.forbidden("forbidden", "Only a System Administrator can make another.");
		}
		administrators.add(userId);
		events.publishEvent(new SystemAdministratorGranted(actor, userId));
	}
}
