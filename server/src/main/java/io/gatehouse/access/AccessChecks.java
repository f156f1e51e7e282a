package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * The check API's side of the house rule: a platform asks whether a user may do something, with the reason. Asking
 * about yourself is always allowed; asking about someone else takes {@code users:read}, and answers for their
 * sessions, without any token's scope.
 */
@Service
public class AccessChecks {

	private final AccessControl access;

	private final AccessPolicy policy;

	AccessChecks(AccessControl access, AccessPolicy policy) {
		this.access = access;
		this.policy = policy;
	}

	public AccessDecision check(Actor actor, UUID user, String permission, UUID resource) {
		UUID subject = user == null ? actor.userId() : user;
		if (!actor.is(subject)) {
			access.require(actor, Permissions.USERS_READ);
		}
		Permission parsed;
		try {
			parsed = Permission.parse(permission);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalidField("permission", "permission",
					"must be area:action in lower case, e.g. projects:read");
		}
		// asking about yourself with a scoped token answers for that token: what this credential may do
		Subject asked = actor.is(subject) ? access.subjectOf(actor) : Subject.session(subject);
		return policy.check(asked, parsed, resource == null ? Resources.INSTANCE : resource);
	}
}
