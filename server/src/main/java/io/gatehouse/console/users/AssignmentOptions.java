package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.Resources;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.resources.BindingView;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.roles.RoleSummary;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * The choices of the user form's User Roles and Groups fields, as far as the signed-in user may see them: a field
 * whose choices they may not read is not shown (and then left alone on save).
 */
@Component
public class AssignmentOptions {

	private final AccessControl access;

	private final PermissionCatalog catalog;

	private final ResourceManagement resources;

	private final GroupManagement groups;

	AssignmentOptions(AccessControl access, PermissionCatalog catalog,
			ResourceManagement resources, GroupManagement groups) {
		this.access = access;
		this.catalog = catalog;
		this.resources = resources;
		this.groups = groups;
	}

	boolean canChooseRoles(Actor actor) {
		return access.allows(actor, Permissions.ROLES_READ);
	}

	boolean canChooseGroups(Actor actor) {
		return access.allows(actor, Permissions.GROUPS_READ);
	}

	/**
	 * Every role at the instance, then every role at each workspace the user can see: System Administrator only at
	 * the instance, and a role defined inside a workspace only there.
	 */
	public List<RoleOption> roles(Actor actor) {
		if (!canChooseRoles(actor)) {
			return List.of();
		}
		List<RoleSummary> roles = catalog.roles(actor);
		List<RoleOption> options = new ArrayList<>();
		for (RoleSummary role : roles) {
			if (role.definedAt() == null) {
				options.add(RoleOption.of(role.id(), role.name(), Resources.INSTANCE, "Instance"));
			}
		}
		for (Resource workspace : workspaces(actor)) {
			for (RoleSummary role : roles) {
				boolean usableHere = role.definedAt() == null ? !BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(role.id())
						: role.definedAt().equals(workspace.id());
				if (usableHere) {
					options.add(RoleOption.of(role.id(), role.name(), workspace.id(), workspace.name()));
				}
			}
		}
		return options;
	}

	/**
	 * The same choices by resource, for the form's groups of options: the instance first, then each workspace, then
	 * the user's own roles held elsewhere (a project, an environment, a workspace-only role bound from the Resources
	 * page). Those must be choices too: the form sends only what is selected, and an unoffered role would be removed
	 * on every save.
	 */
	Map<String, List<RoleOption>> rolesByResource(Actor actor, List<BindingView> held) {
		Map<String, List<RoleOption>> byResource = new LinkedHashMap<>();
		Set<String> offered = new HashSet<>();
		for (RoleOption option : roles(actor)) {
			byResource.computeIfAbsent(option.resource(), name -> new ArrayList<>()).add(option);
			offered.add(option.value());
		}
		if (!canChooseRoles(actor)) {
			return byResource;
		}
		for (BindingView binding : held) {
			RoleOption option = RoleOption.of(binding.roleId(), binding.roleName(), binding.resourceId(),
					binding.resourceName());
			if (binding.principalType() == PrincipalType.USER && offered.add(option.value())) {
				byResource.computeIfAbsent(option.resource(), name -> new ArrayList<>()).add(option);
			}
		}
		return byResource;
	}

	/** The roles for the list's filter: a role, wherever it is bound. */
	List<RoleSummary> filterRoles(Actor actor) {
		return canChooseRoles(actor) ? catalog.roles(actor) : List.of();
	}

	public List<Group> groups(Actor actor) {
		return canChooseGroups(actor) ? groups.list(actor) : List.of();
	}

	private List<Resource> workspaces(Actor actor) {
		try {
			return resources.children(actor, Resources.INSTANCE)
				.stream()
				.filter(resource -> "workspace".equals(resource.type()))
				.toList();
		}
		catch (DomainException ex) {
			// may not read the tree: the instance's roles are still choices
			return List.of();
		}
	}
}
