package io.gatehouse.provisioning;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Change;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.CreateUser;
import io.gatehouse.users.UpdateUser;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDeletion;
import io.gatehouse.users.UserManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users as SCIM clients create, read, replace and delete them. Every change goes through the user directory's own
 * services (so its permission checks, escalation rules, audit and deactivation effects hold), in one transaction with
 * what provisioning keeps beside the account.
 */
@Service
@Transactional
public class ProvisionedUsers {

	// Gatehouse's username rule (users' UserRules): a userName outside it, an email typically, is kept beside the
	// account, whose username is then inferred from the email as for anyone added by email
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final int FIELD_MAX = 254;

	private final AccessControl access;

	private final UserManagement users;

	private final UserDeletion deletion;

	private final ProvisionedUserStore store;

	ProvisionedUsers(AccessControl access, UserManagement users, UserDeletion deletion, ProvisionedUserStore store) {
		this.access = access;
		this.users = users;
		this.deletion = deletion;
		this.store = store;
	}

	@Transactional(readOnly = true)
	public Optional<ProvisionedUser> get(Actor actor, UUID id) {
		access.require(actor, Permissions.USERS_READ);
		return store.find(id);
	}

	/**
	 * One page of the users matching the filter (all when null), in SQL.
	 *
	 * @param startIndex 1-based, as SCIM counts
	 */
	@Transactional(readOnly = true)
	public ProvisionedUserPage search(Actor actor, Filter filter, String sortBy, boolean descending, int startIndex,
			int count) throws ScimException {
		access.require(actor, Permissions.USERS_READ);
		ScimFilterSql.Condition where = filter == null ? null : ScimFilterSql.translate(filter);
		return store.search(where, ScimFilterSql.orderBy(sortBy), descending, Math.max(startIndex, 1) - 1,
				Math.max(count, 0));
	}

	public ProvisionedUser create(Actor actor, ScimUserState state) {
		access.require(actor, Permissions.USERS_CREATE);
		String userName = required(state.userName());
		if (store.userNameTaken(userName, null)) {
			throw DomainException.conflict("username-taken", "A user with this userName already exists.", "userName");
		}
		boolean fits = USERNAME.matcher(userName).matches();
		String email = state.email() != null ? state.email() : (userName.contains("@") ? userName : null);
		CreateUser command = new CreateUser(fits ? userName : null, email, state.password(), state.givenName(),
				state.familyName(), state.displayName(), state.department(), state.timeZone(), state.active(), false,
				null, null);
		User user = users.provision(actor, command, state.externalId());
		store.saveProfile(user.id(), profile(fits ? null : userName, state));
		return store.find(user.id()).orElseThrow();
	}

	/**
	 * Makes the user what the state says (a PUT, or a PATCH applied): nothing is written, and nothing audited, when
	 * nothing differs.
	 *
	 * @param current the user as the client's request found it (read by {@link #get}), not read again
	 * @param ifMatch the version the client last saw ({@code If-Match}); null to skip the check
	 */
	public ProvisionedUser replace(Actor actor, ProvisionedUser current, ScimUserState state, String ifMatch) {
		access.require(actor, Permissions.USERS_UPDATE);
		IfMatch.check(ifMatch, current.version(), "user");
		UUID id = current.user().id();
		String userName = required(state.userName());
		if (!userName.equalsIgnoreCase(current.userName())) {
			throw DomainException.invalidField("userName", "immutable",
					"cannot be changed after the user is created");
		}
		User user = current.user();
		String email = state.email() != null ? state.email() : user.email();
		UpdateUser command = new UpdateUser(Change.none(), Change.to(email), Change.to(state.givenName()),
				Change.to(state.familyName()), Change.to(state.displayName()), Change.to(state.department()),
				Change.to(state.timeZone()), null, null, state.active() == user.isActive() ? null : state.active(),
				user.version());
		users.updateProvisioned(actor, id, command, Change.to(state.externalId()));
		ProvisionedProfile profile = profile(current.profile().userName(), state);
		if (!profile.equals(current.profile())) {
			access.requireAuthorityOver(actor, id);
			store.saveProfile(id, profile);
		}
		return store.find(id).orElseThrow(ProvisionedUsers::notFound);
	}

	/** Deletes as the instance's delete policy says: under deactivate-only, the refusal says to deactivate. */
	public void delete(Actor actor, ProvisionedUser current, String ifMatch) {
		access.require(actor, Permissions.USERS_DELETE);
		IfMatch.check(ifMatch, current.version(), "user");
		deletion.delete(actor, current.user().id());
	}

	/** A deleted user keeps no provisioning data: it is personal data like the rest of the account. */
	@EventListener
	void on(UserDeleted event) {
		store.deleteProfile(event.userId());
	}

	private static ProvisionedProfile profile(String userName, ScimUserState state) {
		if (length(state.employeeNumber()) > FIELD_MAX || length(state.managerId()) > FIELD_MAX
				|| length(userName) > FIELD_MAX) {
			throw DomainException.invalidField("employeeNumber", "length", "must be at most " + FIELD_MAX + " characters");
		}
		return new ProvisionedProfile(userName, blankToNull(state.employeeNumber()), blankToNull(state.managerId()));
	}

	private static String required(String userName) {
		if (userName == null || userName.isBlank()) {
			throw DomainException.invalid("validation-failed", "The user has invalid fields.",
					java.util.List.of(new FieldViolation("userName", "required", "is required")));
		}
		if (userName.length() > FIELD_MAX) {
			throw DomainException.invalidField("userName", "length", "must be at most " + FIELD_MAX + " characters");
		}
		return userName.strip();
	}

	private static int length(String value) {
		return value == null ? 0 : value.length();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static DomainException notFound() {
		return DomainException.notFound("user-not-found", "No user has this id.");
	}
}
