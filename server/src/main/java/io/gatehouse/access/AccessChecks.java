package io.gatehouse.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.stereotype.Service;

/**
 * The check API's side of the house rule: a platform asks whether a user may do something, with the reason. Asking
 * about yourself is always allowed; asking about someone else takes {@code users:read}, and answers for their
 * sessions, without any token's scope. A question that cannot have a true answer (a permission the catalog does not
 * declare, a user who does not exist) is refused rather than answered "no" or, worse, "yes".
 */
@Service
public class AccessChecks {

	/** One question of a batch. */
	public record Question(UUID user, String permission, UUID resource) {
	}

	private final AccessControl access;

	private final AccessPolicy policy;

	private final UserStatusSource users;

	AccessChecks(AccessControl access, AccessPolicy policy, UserStatusSource users) {
		this.access = access;
		this.policy = policy;
		this.users = users;
	}

	public AccessDecision check(Actor actor, UUID user, String permission, UUID resource) {
		UUID subject = user == null ? actor.userId() : user;
		if (!actor.is(subject)) {
			access.require(actor, Permissions.USERS_READ);
		}
		Permission parsed = declared(permission);
		if (!actor.is(subject) && !users.exists(subject)) {
			throw new DomainException(DomainException.Kind.NOT_FOUND, "user-not-found", "No user has this id.",
					List.of(new FieldViolation("user", "exists", "is not a known user")));
		}
		// asking about yourself with a scoped token answers for that token: what this credential may do
		Subject asked = actor.is(subject) ? access.subjectOf(actor) : Subject.session(subject);
		return policy.check(asked, parsed, resource == null ? Resources.INSTANCE : resource);
	}

	/** Every question answered, or none: the first that cannot be is refused as {@code checks[i].field}. */
	public List<AccessDecision> checkAll(Actor actor, List<Question> questions) {
		List<AccessDecision> decisions = new ArrayList<>(questions.size());
		for (int i = 0; i < questions.size(); i++) {
			Question question = questions.get(i);
			if (question == null) {
				throw DomainException.invalidField("checks[" + i + "]", "required", "must be a check");
			}
			try {
				decisions.add(check(actor, question.user(), question.permission(), question.resource()));
			}
			catch (DomainException ex) {
				throw located(ex, "checks[" + i + "]");
			}
		}
		return decisions;
	}

	/** The permission, if it is well formed and in the catalog; else which part is wrong. */
	private Permission declared(String permission) {
		Permission parsed;
		try {
			parsed = Permission.parse(permission);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalidField("permission", "permission",
					"must be area:action in lower case, e.g. projects:read");
		}
		AreaCatalog catalog = policy.areas();
		if (!catalog.hasArea(parsed.area())) {
			throw DomainException.invalidField("permission", "unknown-area",
					"names the area '" + parsed.area() + "', which is not in the catalog; see GET /api/v1/permissions");
		}
		if (!catalog.declares(parsed)) {
			throw DomainException.invalidField("permission", "unknown-action",
					"names the action '" + parsed.action() + "', which the area " + parsed.area() + " does not declare");
		}
		return parsed;
	}

	/** The same failure, kind and code kept, with its fields named as the batch names them. */
	private static DomainException located(DomainException ex, String entry) {
		List<FieldViolation> violations = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			violations.add(new FieldViolation(entry + "." + violation.field(), violation.rule(), violation.message()));
		}
		boolean aboutAField = ex.violations().stream().anyMatch(v -> ex.getMessage().startsWith(v.field() + " "));
		String message = aboutAField ? entry + "." + ex.getMessage() : entry + ": " + ex.getMessage();
		return new DomainException(ex.kind(), ex.code(), message, violations);
	}
}
