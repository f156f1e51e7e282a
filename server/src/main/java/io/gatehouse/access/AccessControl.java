package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission check every feature service calls on its first line. Today it knows one grant, System
 * Administrator, which allows everything; the access-control model replaces the body, not the callers.
 */
@Service
public class AccessControl {

	private final SystemAdministrators administrators;

	AccessControl(SystemAdministrators administrators) {
		this.administrators = administrators;
	}

	/** Throws a forbidden failure unless the actor holds the permission. */
	public void require(Actor actor, String permission) {
		if (!allows(actor, permission)) {
			throw DomainException.forbidden("forbidden", "You do not have the permission " + permission + ".");
		}
	}

	public boolean allows(Actor actor, String permission) {
		return actor.isSystem() || (actor.userId() != null && administrators.contains(actor.userId()));
	}

	public boolean isSystemAdministrator(UUID userId) {
		return administrators.contains(userId);
	}

	@Transactional
	public void grantSystemAdministrator(UUID userId) {
		administrators.add(userId);
	}
}
