package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.PrincipalType;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.resources.BindingView;
import io.gatehouse.shared.Change;
import io.gatehouse.users.CreateUser;
import io.gatehouse.users.UpdateUser;
import io.gatehouse.users.User;

/**
 * The user form's fields, for both + New User and edit.
 *
 * @param bindings the chosen User Roles, as {@code roleId:resourceId}
 * @param rolesShown whether the form showed the User Roles field: when it did not (the editor may not read roles),
 * the user's roles are left as they are rather than cleared
 * @param groupsShown the same for Groups
 * @param active the Is Active switch; on edit, {@code null} (switch not shown) leaves the status alone
 * @param activeShown whether the form showed the switch
 * @param version the version the form was filled from, for optimistic concurrency (the API's ETag)
 * @param restrictionResourceId + New User's Reseller Account: the resource the user is confined to, or none
 */
record UserForm(String username, String email, String firstName, String lastName, String department,
		String timeZone, String password, Boolean active, Boolean activeShown, List<String> bindings, List<UUID> groups,
		Boolean rolesShown, Boolean groupsShown, Long version, UUID restrictionResourceId) {

	UserForm {
		bindings = bindings == null ? List.of() : bindings;
		groups = groups == null ? List.of() : groups;
		// marker fields the form did not show arrive as nothing, which means false
		activeShown = Boolean.TRUE.equals(activeShown);
		rolesShown = Boolean.TRUE.equals(rolesShown);
		groupsShown = Boolean.TRUE.equals(groupsShown);
		// an unticked checkbox sends nothing: when the switch was on the form, nothing means off
		if (activeShown && active == null) {
			active = false;
		}
		if (!activeShown && version != null) {
			active = null;
		}
	}

	static UserForm blank(String timeZone) {
		return new UserForm(null, null, null, null, null, timeZone, null, true, true, List.of(), List.of(), false, false,
				null, null);
	}

	/** The form filled from a user; only the user's own bindings are choices, those of their groups are not. */
	static UserForm of(User user, List<BindingView> bindings, List<UUID> groups) {
		List<String> direct = bindings.stream()
			.filter(binding -> binding.principalType() == PrincipalType.USER)
			.map(binding -> RoleOption.value(binding.roleId(), binding.resourceId()))
			.toList();
		return new UserForm(user.username(), user.email(), user.firstName(), user.lastName(), user.department(),
				user.timeZone(), null, user.isActive(), true, direct, groups, false, false, user.version(), null);
	}

	CreateUser create() {
		return new CreateUser(username, email, password == null || password.isEmpty() ? null : password, firstName,
				lastName, null, department, timeZone, Boolean.TRUE.equals(active), false, groups, grants(),
				restrictionResourceId);
	}

	/**
	 * Every field the form shows is sent, so each is a change; the username is fixed and not sent at all. The Is Active
	 * switch goes with them, saved together or not at all.
	 */
	UpdateUser update() {
		return new UpdateUser(Change.none(), Change.to(email), Change.to(firstName), Change.to(lastName), Change.none(),
				Change.to(department), Change.to(timeZone), groupsShown ? groups : null, rolesShown ? grants() : null,
				active, version);
	}

	public boolean hasRole(String value) {
		return bindings.contains(value);
	}

	public boolean inGroup(UUID group) {
		return groups.contains(group);
	}

	private List<RoleGrant> grants() {
		List<RoleGrant> grants = new ArrayList<>();
		for (int i = 0; i < bindings.size(); i++) {
			grants.add(RoleOption.parse(bindings.get(i), i));
		}
		return grants;
	}
}
