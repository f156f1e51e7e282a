package io.gatehouse.access;

import java.util.List;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * Under external authorization, users' role bindings and group memberships come from the external source, so no
 * person changes them here. The system (the default role of a new user, provisioning) still may, and groups keep
 * their own roles and permission profiles: those map the external source's groups onto permissions.
 */
@Component
public class UserAssignmentLock {

	private final AuthorizationModeSettings mode;

	UserAssignmentLock(AuthorizationModeSettings mode) {
		this.mode = mode;
	}

	public void refuseChange(Actor actor, String field) {
		if (!actor.isSystem() && mode.authorizationMode() == AuthorizationMode.EXTERNAL) {
			throw new DomainException(DomainException.Kind.CONFLICT, "authorization-external",
					"Users' roles and groups come from an external source on this instance (authorizationMode=external);"
							+ " change them there.",
					List.of(new FieldViolation(field, "authorization-external",
							"cannot be changed while authorization is external")));
		}
	}
}
