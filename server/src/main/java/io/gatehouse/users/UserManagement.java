package io.gatehouse.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.AuthorizationModeSettings;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.groups.UserAssignments;
import io.gatehouse.resources.Restrictions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Change;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes user accounts. Each operation checks its permission first, then the rules, then writes. */
@Service
@Transactional
public class UserManagement {

	private static final int EXTERNAL_ID_MAX = 255;

	private final AccessControl access;

	private final UserStore users;

	private final UserPasswords passwords;

	private final UserAssignments assignments;

	private final AccountRuleSettings rules;

	private final AuthorizationModeSettings authorization;

	private final ApplicationEventPublisher events;

	private final InferredUsernames usernames;

	private final UserWrites writes;

	private final UserStatusChanges statuses;

	private final Restrictions restrictions;

	private final Clock clock;

	UserManagement(AccessControl access, UserStore users, UserPasswords passwords, UserAssignments assignments,
			AccountRuleSettings rules, AuthorizationModeSettings authorization, ApplicationEventPublisher events,
			InferredUsernames usernames, UserWrites writes, UserStatusChanges statuses, Restrictions restrictions,
			Clock clock) {
		this.access = access;
		this.users = users;
		this.passwords = passwords;
		this.assignments = assignments;
		this.rules = rules;
		this.authorization = authorization;
		this.events = events;
		this.usernames = usernames;
		this.writes = writes;
		this.statuses = statuses;
		this.restrictions = restrictions;
		this.clock = clock;
	}

	public User create(Actor actor, CreateUser command) {
		return create(actor, command,
				Boolean.FALSE.equals(command.active()) ? UserStatus.DEACTIVATED : UserStatus.ACTIVE);
	}

	/**
	 * An account pushed by a provisioning client (SCIM): its source is {@code scim}, so its identity fields are
	 * read-only everywhere else, and it needs no role on creation: its groups, and so its roles, follow in later
	 * requests of the same client.
	 */
	public User provision(Actor actor, CreateUser command, String externalId) {
		return create(actor, command,
				Boolean.FALSE.equals(command.active()) ? UserStatus.DEACTIVATED : UserStatus.ACTIVE,
				UserSource.SCIM, UserRules.clean(externalId));
	}

	/** Also makes {@code pending} users, which only an invitation does. */
	User create(Actor actor, CreateUser command, UserStatus status) {
		return create(actor, command, status, UserSource.INTERNAL, null);
	}

	private User create(Actor actor, CreateUser command, UserStatus status, UserSource source, String externalId) {
		access.require(actor, Permissions.USERS_CREATE);
		UUID restriction = command.restrictionResourceId();
		if (restriction != null) {
			// the same right as restricting the user afterwards
			access.require(actor, Permissions.USERS_UPDATE);
		}
		if (command.password() != null && !actor.isSystem()) {
			refuseUnderExternalSignIn("password");
		}
		List<FieldViolation> violations = new ArrayList<>();
		String email = UserRules.clean(command.email());
		UserRules.checkEmail(email, violations);
		String username = UserRules.clean(command.username());
		if (username != null) {
			UserRules.checkUsername(username, violations);
		}
		String firstName = UserRules.clean(command.firstName());
		String lastName = UserRules.clean(command.lastName());
		String displayName = UserRules.clean(command.displayName());
		String department = UserRules.clean(command.department());
		String timeZone = UserRules.clean(command.timeZone());
		checkIdentity(firstName, lastName, displayName, department, timeZone, violations);
		UserRules.checkName("externalId", externalId, EXTERNAL_ID_MAX, violations);
		if (restriction != null) {
			restrictions.checkTarget(actor, restriction, "restrictionResourceId", violations);
		}
		boolean noAssignments = command.groups().isEmpty() && command.bindings().isEmpty();
		Optional<UUID> defaultRole = noAssignments && !actor.isSystem() ? rules.defaultRole() : Optional.empty();
		// the bootstrap administrator is the one user made by the system, and is made System Administrator next;
		// under external authorization roles come from outside, so none can be asked for here
		if (rules.requireRoleOnCreate() && !actor.isSystem() && source != UserSource.SCIM && noAssignments
				&& defaultRole.isEmpty()
				&& authorization.authorizationMode() == AuthorizationMode.LOCAL) {
			violations.add(new FieldViolation("bindings", "required",
					"at least one role binding or group is required for a new user"));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The user has invalid fields.", violations);
		}
		// whoever makes the account chooses its email, and so can take it over: the default role is their grant too
		defaultRole.ifPresent(role -> access.requireGrantable(actor, role, Resources.INSTANCE));
		boolean inferred = username == null;
		if (inferred) {
			username = usernames.infer(email);
		}
		String passwordHash = null;
		if (command.password() != null) {
			passwordHash = passwords.checkAndHash("password", command.password(), username, email);
		}
		Instant now = clock.instant();
		User made = new User(UUID.randomUUID(), username, email, false, firstName, lastName, displayName, department,
				timeZone, status, source, externalId, Boolean.TRUE.equals(command.mustChangePassword()), null,
				now, now, 1);
		User user;
		if (inferred) {
			user = usernames.insert(made, passwordHash, command.password());
		}
		else {
			user = made;
			try {
				users.insert(user, passwordHash);
			}
			catch (DuplicateKeyException ex) {
				// the unique constraints are the check: one round trip instead of a look-up per column, and no race
				throw UserStore.duplicate(ex);
			}
		}
		events.publishEvent(new UserCreated(actor, user));
		assignments.grant(actor, user.id(), command.groups(), command.bindings());
		// the instance gives its default role, as an identity provider's first sign-in would: chosen by a System
		// Administrator, never System Administrator itself, so it is not the creator's grant to check
		defaultRole.ifPresent(role -> assignments.grant(Actor.system(), user.id(), List.of(),
				List.of(new RoleGrant(role, null))));
		if (restriction != null) {
			// in this transaction: refused here (no authority over the user as made), no user is made at all
			restrictions.restrict(actor, user.id(), restriction);
		}
		return user;
	}

	/**
	 * Refuses what makes a local password while people sign in through an external identity provider: their
	 * accounts come from it, and a password made here would be a second way in that the provider does not control.
	 */
	void refuseUnderExternalSignIn(String field) {
		if (rules.signInMode() == SignInMode.EXTERNAL) {
			throw new DomainException(DomainException.Kind.CONFLICT, "sign-in-external",
					"People sign in through an external identity provider on this instance (signInMode=external),"
							+ " so no account is made here with a password or an invitation.",
					List.of(new FieldViolation(field, "sign-in-external",
							"cannot be set while sign-in is external")));
		}
	}

	public User update(Actor actor, UUID id, UpdateUser command) {
		return update(actor, id, command, false, Change.none());
	}

	/**
	 * A provisioning client's change: it may change the identity fields of the accounts it provisioned (and of
	 * internal ones, which it may have matched by user name), and their external id.
	 */
	public User updateProvisioned(Actor actor, UUID id, UpdateUser command, Change<String> externalId) {
		return update(actor, id, command, true, externalId);
	}

	private User update(Actor actor, UUID id, UpdateUser command, boolean provisioning, Change<String> externalId) {
		access.require(actor, Permissions.USERS_UPDATE);
		// locked: a concurrent edit waits, then finds the version this one leaves and fails its If-Match
		User current = users.findLiveForUpdate(id).orElseThrow(UserStore::notFound);
		access.requireAuthorityOver(actor, id);
		UserWrites.checkVersion(current, command.expectedVersion());
		if (command.username().present() && !current.username().equals(command.username().value())) {
			throw DomainException.invalidField("username", "immutable", "cannot be changed after the user is created");
		}
		List<FieldViolation> violations = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		String email = UserRules.clean(command.email().orElse(current.email()));
		UserRules.checkEmail(email, violations);
		String firstName = UserRules.clean(command.firstName().orElse(current.firstName()));
		String lastName = UserRules.clean(command.lastName().orElse(current.lastName()));
		String displayName = UserRules.clean(command.displayName().orElse(current.displayName()));
		String department = UserRules.clean(command.department().orElse(current.department()));
		String timeZone = UserRules.clean(command.timeZone().orElse(current.timeZone()));
		checkIdentity(firstName, lastName, displayName, department, timeZone, violations);
		String newExternalId = UserRules.clean(externalId.orElse(current.externalId()));
		UserRules.checkName("externalId", newExternalId, EXTERNAL_ID_MAX, violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The user has invalid fields.", violations);
		}
		boolean emailChanged = !email.equalsIgnoreCase(current.email());
		if (emailChanged && users.emailTaken(email, id)) {
			throw DomainException.conflict("email-taken", "A user with this email already exists.", "email");
		}
		noteChange(changed, "email", current.email(), email);
		noteChange(changed, "firstName", current.firstName(), firstName);
		noteChange(changed, "lastName", current.lastName(), lastName);
		noteChange(changed, "displayName", current.displayName(), displayName);
		noteChange(changed, "department", current.department(), department);
		noteChange(changed, "timeZone", current.timeZone(), timeZone);
		noteChange(changed, "externalId", current.externalId(), newExternalId);
		boolean ownedHere = current.source() == UserSource.INTERNAL
				|| (provisioning && current.source() == UserSource.SCIM);
		// an identity provider owns the identity of the accounts it made: a change here would be undone at next sign-in
		if (!changed.isEmpty() && !ownedHere && !actor.isSystem()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "identity-managed-externally",
					"This user's identity fields come from " + current.source().code() + "; change them there.",
					changed.stream().map(field -> new FieldViolation(field, "read-only",
							"is managed by the identity provider")).toList());
		}
		assignments.replace(actor, id, command.groups(), command.bindings());
		// a change of groups or roles moved the version (see AssignmentVersions): answer and write from there
		User saved = command.groups() == null && command.bindings() == null ? current : writes.existing(id);
		if (!changed.isEmpty()) {
			User updated = new User(id, current.username(), email, current.emailVerified() && !emailChanged,
					firstName, lastName, displayName, department, timeZone, current.status(), current.source(),
					newExternalId, current.mustChangePassword(), current.lastLoginAt(), current.createdAt(),
					clock.instant(), saved.version() + 1);
			writes.write(updated, saved.version());
			events.publishEvent(new UserUpdated(actor, updated, changed, current.email()));
			saved = updated;
		}
		// the Is Active switch is saved with the fields or neither is: same transaction, from the version they left
		return command.active() == null ? saved : statuses.setActive(actor, saved, command.active());
	}

	/**
	 * Profile settings: the signed-in user changes their own screen name (display name) and time zone,
	 * whatever their permissions. Everything else about the account is the administrators' (the email has its own
	 * confirmed change, {@link EmailAddresses#startChange}).
	 */
	public User updateOwn(Actor actor, Change<String> displayName, Change<String> timeZone, Long expectedVersion) {
		access.requireUnscopedCredential(actor);
		User current = writes.existing(actor.userId());
		UserWrites.checkVersion(current, expectedVersion);
		List<FieldViolation> violations = new ArrayList<>();
		String newDisplayName = UserRules.clean(displayName.orElse(current.displayName()));
		String newTimeZone = UserRules.clean(timeZone.orElse(current.timeZone()));
		UserRules.checkName("displayName", newDisplayName, 2 * UserRules.NAME_MAX, violations);
		UserRules.checkTimeZone(newTimeZone, violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The profile has invalid fields.", violations);
		}
		List<String> changed = new ArrayList<>();
		noteChange(changed, "displayName", current.displayName(), newDisplayName);
		noteChange(changed, "timeZone", current.timeZone(), newTimeZone);
		if (changed.isEmpty()) {
			return current;
		}
		User updated = new User(current.id(), current.username(), current.email(), current.emailVerified(),
				current.firstName(), current.lastName(), newDisplayName, current.department(), newTimeZone,
				current.status(), current.source(), current.externalId(), current.mustChangePassword(),
				current.lastLoginAt(), current.createdAt(), clock.instant(), current.version() + 1);
		writes.write(updated, current.version());
		events.publishEvent(new UserUpdated(actor, updated, changed, current.email()));
		return updated;
	}

	public User deactivate(Actor actor, UUID id, Long expectedVersion) {
		return statuses.deactivate(actor, id, expectedVersion);
	}

	/** Reactivating hands the user back everything they hold: held to the rule of granting it. */
	public User reactivate(Actor actor, UUID id, Long expectedVersion) {
		return statuses.reactivate(actor, id, expectedVersion);
	}

	private static void checkIdentity(String firstName, String lastName, String displayName, String department,
			String timeZone, List<FieldViolation> violations) {
		UserRules.checkName("firstName", firstName, UserRules.NAME_MAX, violations);
		UserRules.checkName("lastName", lastName, UserRules.NAME_MAX, violations);
		UserRules.checkName("displayName", displayName, 2 * UserRules.NAME_MAX, violations);
		UserRules.checkName("department", department, UserRules.NAME_MAX, violations);
		UserRules.checkTimeZone(timeZone, violations);
	}

	private static void noteChange(List<String> changed, String field, String before, String after) {
		if (before == null ? after != null : !before.equals(after)) {
			changed.add(field);
		}
	}
}
