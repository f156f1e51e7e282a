package io.gatehouse.console.users;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.RoleLabels;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.BindingView;
import io.gatehouse.settings.EffectiveSettings;
import io.gatehouse.users.AccountSettings;
import io.gatehouse.users.LocalPasswords;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the user pages (the form, the user's page and its tabs), so that each controller only says
 * what happened. Every read goes through the domain services with the signed-in user as the actor.
 */
@Component
class UserPages {

	/** Every IANA zone, sorted, for the Time Zone field. */
	static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final UserDirectory directory;

	private final BindingManagement bindings;

	private final GroupManagement groups;

	private final RoleLabels roleLabels;

	private final AssignmentOptions options;

	private final AccessControl access;

	private final PasswordPolicy policy;

	private final EffectiveSettings settings;

	private final RestrictionChoices restrictions;

	private final LocalPasswords localPasswords;

	UserPages(UserDirectory directory, BindingManagement bindings, GroupManagement groups, RoleLabels roleLabels,
			AssignmentOptions options, AccessControl access, PasswordPolicy policy, EffectiveSettings settings,
			RestrictionChoices restrictions, LocalPasswords localPasswords) {
		this.localPasswords = localPasswords;
		this.settings = settings;
		this.restrictions = restrictions;
		this.directory = directory;
		this.bindings = bindings;
		this.groups = groups;
		this.roleLabels = roleLabels;
		this.options = options;
		this.access = access;
		this.policy = policy;
	}

	/** + New User: the same form as edit, with the username open and a first password. */
	String newUser(ConsoleUser me, UserForm form, FormErrors errors, Model model) {
		formChoices(me, List.of(), model);
		restrictions.fillNew(me, form.restrictionResourceId(), model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("policy", policy.describe());
		return "console/users/new";
	}

	/** The user's page: the form filled from the stored user (or as sent, when it was refused). */
	String userPage(ConsoleUser me, UUID id, UserForm sent, FormErrors errors, Model model) {
		User user = directory.get(me.actor(), id);
		frame(me, user, "details", model);
		List<BindingView> held = bindings.ofUser(me.actor(), id);
		formChoices(me, held, model);
		Map<UUID, String> groupNames = options.groups(me.actor())
			.stream()
			.collect(Collectors.toMap(Group::id, Group::name));
		model.addAttribute("inheritedRoles", InheritedRole.of(held, groupNames));
		restrictions.fill(me, id, model);
		model.addAttribute("form", sent != null ? sent
				: UserForm.of(user, held,
						options.canChooseGroups(me.actor()) ? groups.groupsOf(me.actor(), id) : List.of()));
		model.addAttribute("errors", errors);
		return "console/users/show";
	}

	/** What every tab of a user's page shows: the name, status, roles and the actions allowed. */
	void frame(ConsoleUser me, User user, String tab, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("tab", tab);
		model.addAttribute("userRoles", roleLabels.of(List.of(user.id())).getOrDefault(user.id(), List.of()));
		model.addAttribute("canUpdate", access.allows(me.actor(), Permissions.USERS_UPDATE));
		model.addAttribute("canReadTokens", access.allows(me.actor(), Permissions.TOKENS_READ));
		model.addAttribute("canReadAudit", access.allows(me.actor(), Permissions.AUDIT_READ));
		model.addAttribute("self", me.actor().is(user.id()));
		model.addAttribute("canDelete", canDelete(me, user));
		model.addAttribute("policy", policy.describe());
		// an identity provider owns the identity fields and the credential of the accounts it made
		model.addAttribute("identityLocked", user.source() != UserSource.INTERNAL);
		// under external sign-in no password is set or reset here, but a System Administrator's (break-glass)
		model.addAttribute("localPassword", user.source() == UserSource.INTERNAL && localPasswords.allowedFor(user.id()));
		if (!model.containsAttribute("resetErrors")) {
			model.addAttribute("resetErrors", FormErrors.NONE);
		}
	}

	/**
	 * Delete is offered only where {@code UserDeletion} would do it: the instance allows deleting, the actor may,
	 * it is not their own account, and only a System Administrator deletes another. Owning resources is the one
	 * refusal left to explain after the click, with the list of what to hand over.
	 */
	private boolean canDelete(ConsoleUser me, User user) {
		return settings.deletePolicy() == AccountSettings.DeletePolicy.ALLOWED
				&& access.allows(me.actor(), Permissions.USERS_DELETE) && !me.actor().is(user.id())
				&& (!access.isSystemAdministrator(user.id()) || access.isSystemAdministrator(me.actor().userId()));
	}

	private void formChoices(ConsoleUser me, List<BindingView> held, Model model) {
		model.addAttribute("roleOptions", options.rolesByResource(me.actor(), held));
		model.addAttribute("groupOptions", options.groups(me.actor()));
		model.addAttribute("rolesShown", options.canChooseRoles(me.actor()));
		model.addAttribute("groupsShown", options.canChooseGroups(me.actor()));
		model.addAttribute("zones", ZONES);
		model.addAttribute("assignmentsLocked", settings.authorizationMode() == AuthorizationMode.EXTERNAL);
	}
}
