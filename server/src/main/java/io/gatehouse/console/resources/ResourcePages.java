package io.gatehouse.console.resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.ObjectPolicy;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.Resources;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.BindingView;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.roles.Area;
import io.gatehouse.roles.CatalogManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.roles.ResourceType;
import io.gatehouse.roles.RoleSummary;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserSearch;
import io.gatehouse.users.UserSort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the resource pages: the tree's rows, and a resource's page with its children, its access and
 * what the viewer may change there. Every read goes through the domain services with the signed-in user as actor.
 */
@Component
class ResourcePages {

	/** Rows of the tree sent at a time: a workspace with thousands of projects still opens at once. */
	static final int PAGE = 100;

	/** The type a child usually has, offered first: the built-in hierarchy instance → workspace → project → environment. */
	private static final Map<String, String> USUAL_CHILD = Map.of("instance", "workspace", "workspace", "project",
			"project", "environment");

	private final ResourceManagement resources;

	private final BindingManagement bindings;

	private final CatalogManagement catalog;

	private final PermissionCatalog roles;

	private final GroupManagement groups;

	private final UserDirectory directory;

	private final AccessControl access;

	private final MoveTargets moveTargets;

	ResourcePages(ResourceManagement resources, BindingManagement bindings, CatalogManagement catalog,
			PermissionCatalog roles, GroupManagement groups, UserDirectory directory, AccessControl access,
			MoveTargets moveTargets) {
		this.moveTargets = moveTargets;
		this.resources = resources;
		this.bindings = bindings;
		this.catalog = catalog;
		this.roles = roles;
		this.groups = groups;
		this.directory = directory;
		this.access = access;
	}

	PrincipalNames names(ConsoleUser me) {
		return new PrincipalNames(me, access, directory, groups);
	}

	/** One page of a resource's children as tree rows, and whether more follow. */
	void children(ConsoleUser me, UUID id, int offset, Model model) {
		List<Resource> all = resources.children(me.actor(), id);
		int from = Math.min(Math.max(offset, 0), all.size());
		int to = Math.min(from + PAGE, all.size());
		PrincipalNames names = names(me);
		model.addAttribute("parentId", id);
		model.addAttribute("nodes", all.subList(from, to).stream().map(names::node).toList());
		model.addAttribute("nextOffset", to < all.size() ? to : null);
		model.addAttribute("remaining", all.size() - to);
	}

	/** The tree's page: the instance, its first children, and creating a workspace there. */
	String tree(ConsoleUser me, Model model) {
		Resource instance = resources.get(me.actor(), Resources.INSTANCE);
		children(me, instance.id(), 0, model);
		model.addAttribute("instance", instance);
		creation(me, instance, model);
		errors(model);
		return "console/resources/tree";
	}

	/** The page again with one of its forms ({@code renameErrors}, {@code grantErrors}...) refused. */
	String resourcePage(ConsoleUser me, UUID id, String form, FormErrors errors, Model model) {
		model.addAttribute(form, errors);
		return resourcePage(me, id, model);
	}

	/** A resource's page; forms refused before are shown as sent, with their errors (see {@link #errors}). */
	String resourcePage(ConsoleUser me, UUID id, Model model) {
		Resource resource = resources.get(me.actor(), id);
		PrincipalNames names = names(me);
		List<Resource> path = ancestors(me, resource);
		model.addAttribute("resource", resource);
		model.addAttribute("path", path);
		model.addAttribute("owner", names.user(resource.ownerId()));
		children(me, id, 0, model);
		creation(me, resource, model);
		boolean isInstance = Resources.INSTANCE.equals(id);
		model.addAttribute("isInstance", isInstance);
		model.addAttribute("canUpdate", !isInstance && access.allows(me.actor(), Permissions.RESOURCES_UPDATE, id));
		model.addAttribute("canDelete", !isInstance && access.allows(me.actor(), Permissions.RESOURCES_DELETE, id));
		if (!isInstance && access.allows(me.actor(), Permissions.RESOURCES_UPDATE, id)) {
			model.addAttribute("moveTargets", moveTargets.of(me, resource));
		}
		boolean canReadAccess = access.allows(me.actor(), Permissions.ROLES_READ, id);
		boolean canBind = access.allows(me.actor(), Permissions.ROLES_UPDATE, id);
		model.addAttribute("canReadAccess", canReadAccess);
		model.addAttribute("canBind", canBind);
		model.addAttribute("canPickUsers", access.allows(me.actor(), Permissions.USERS_READ));
		if (canReadAccess) {
			model.addAttribute("permissionChoices", permissions());
			model.addAttribute("defaultPermission", usualPermission(resource.type()));
			model.addAttribute("accessRows", rows(bindings.at(me.actor(), id), resource, names));
			model.addAttribute("inheritedRows", inherited(me, path, names));
		}
		if (canBind) {
			model.addAttribute("policyChoices", policyChoices());
			model.addAttribute("roleChoices", roleChoices(me, resource, path));
			model.addAttribute("groupChoices",
					access.allows(me.actor(), Permissions.GROUPS_READ) ? groups.list(me.actor()) : List.of());
		}
		errors(model);
		return "console/resources/show";
	}

	/** Every permission of the catalog, for the access check. */
	private List<String> permissions() {
		List<String> all = new ArrayList<>();
		for (Area area : roles.areas()) {
			for (String action : area.actions()) {
				all.add(area.name() + ":" + action);
			}
		}
		return all;
	}

	/** The question most often asked about a resource: may they read it ({@code projects:read} for a project). */
	private static String usualPermission(String type) {
		return switch (type) {
			case "workspace", "project", "environment" -> type + "s:read";
			default -> Permissions.RESOURCES_READ;
		};
	}

	/** The user a username or email names, through the same search as the users list. */
	User userByLogin(ConsoleUser me, String field, String login) {
		String wanted = login == null ? "" : login.strip();
		if (wanted.isEmpty()) {
			throw DomainException.invalidField(field, "required", "is required");
		}
		if (!access.allows(me.actor(), Permissions.USERS_READ)) {
			throw DomainException.invalidField(field, "users-read",
					"cannot be looked up: you may not read users; choose a group instead");
		}
		for (User user : directory.search(me.actor(),
				new UserSearch(wanted, null, null, UserSort.DEFAULT, 20, null, null, null)).items()) {
			if (user.username().equalsIgnoreCase(wanted) || user.email().equalsIgnoreCase(wanted)) {
				return user;
			}
		}
		throw DomainException.invalidField(field, "exists", "is not a known user");
	}

	private void creation(ConsoleUser me, Resource parent, Model model) {
		boolean canCreate = access.allows(me.actor(), Permissions.RESOURCES_CREATE, parent.id());
		model.addAttribute("canCreate", canCreate);
		if (canCreate) {
			model.addAttribute("childTypes",
					catalog.resourceTypes().stream().filter(type -> !"instance".equals(type.name())).toList());
			if (!model.containsAttribute("child")) {
				model.addAttribute("child", ResourceForms.Child.blank(USUAL_CHILD.get(parent.type())));
			}
		}
	}

	private static void errors(Model model) {
		for (String name : List.of("renameErrors", "createErrors", "deleteErrors", "grantErrors", "ownerErrors",
				"moveErrors")) {
			if (!model.containsAttribute(name)) {
				model.addAttribute(name, FormErrors.NONE);
			}
		}
		if (!model.containsAttribute("grant")) {
			model.addAttribute("grant", ResourceForms.Grant.BLANK);
		}
	}

	/** From the instance down to the resource's parent, as far up as the viewer may read. */
	private List<Resource> ancestors(ConsoleUser me, Resource resource) {
		List<Resource> path = new ArrayList<>();
		UUID parent = resource.parentId();
		while (parent != null) {
			try {
				Resource up = resources.get(me.actor(), parent);
				path.add(0, up);
				parent = up.parentId();
			}
			catch (DomainException ex) {
				break;
			}
		}
		return path;
	}

	/**
	 * What applies here from above: the bindings and owners of every ancestor the viewer may see, nearest first. A
	 * binding here, or deeper, overrides them for its principal.
	 */
	private List<AccessRow> inherited(ConsoleUser me, List<Resource> path, PrincipalNames names) {
		List<AccessRow> rows = new ArrayList<>();
		for (int i = path.size() - 1; i >= 0; i--) {
			Resource up = path.get(i);
			if (!access.allows(me.actor(), Permissions.ROLES_READ, up.id())) {
				continue;
			}
			List<AccessRow> here = rows(bindings.at(me.actor(), up.id()), up, names);
			for (AccessRow row : here) {
				rows.add(new AccessRow(null, row.principalType(), row.principalName(), row.principalLink(),
						row.roleName(), row.policy(), up.name()));
			}
		}
		return rows;
	}

	/** The owner of {@code owned} (Admin there, not removable), then the stored bindings. */
	private static List<AccessRow> rows(List<BindingView> views, Resource owned, PrincipalNames names) {
		List<AccessRow> rows = new ArrayList<>();
		if (owned != null && owned.ownerId() != null) {
			rows.add(new AccessRow(null, "User", names.user(owned.ownerId()), names.userLink(owned.ownerId()),
					BuiltInRoles.ADMIN_NAME + " (owner)", null, null));
		}
		for (BindingView view : views) {
			boolean user = view.principalType() == PrincipalType.USER;
			rows.add(new AccessRow(view.id(), user ? "User" : "Group",
					user ? names.user(view.principalId()) : names.group(view.principalId()),
					user ? names.userLink(view.principalId()) : names.groupLink(view.principalId()), view.roleName(),
					ObjectPolicy.ofRole(view.roleId()).map(ObjectPolicy::code).orElse(null), null));
		}
		return rows;
	}

	/** Object policies, each offered with the built-in role it stands for: {@code read (Viewer)}. */
	private static List<RoleChoice> policyChoices() {
		return Arrays.stream(ObjectPolicy.values())
			.map(policy -> new RoleChoice(policy.roleId(), policy.code() + " (" + policy.roleName() + ")"))
			.toList();
	}

	/**
	 * The other roles that can be bound here: Admin, System Administrator at the instance only, and every custom
	 * role of the instance or of a workspace this resource is in. A viewer who may not read the role catalog is
	 * offered the built-ins.
	 */
	private List<RoleChoice> roleChoices(ConsoleUser me, Resource resource, List<Resource> path) {
		List<RoleChoice> choices = new ArrayList<>();
		if (Resources.INSTANCE.equals(resource.id())) {
			choices.add(new RoleChoice(BuiltInRoles.SYSTEM_ADMINISTRATOR, BuiltInRoles.SYSTEM_ADMINISTRATOR_NAME));
		}
		choices.add(new RoleChoice(BuiltInRoles.ADMIN, BuiltInRoles.ADMIN_NAME));
		if (!access.allows(me.actor(), Permissions.ROLES_READ)) {
			return choices;
		}
		Map<UUID, String> workspaces = new HashMap<>();
		for (Resource up : path) {
			workspaces.put(up.id(), up.name());
		}
		workspaces.put(resource.id(), resource.name());
		for (RoleSummary role : roles.roles(me.actor())) {
			if (role.builtIn()) {
				continue;
			}
			if (role.definedAt() == null) {
				choices.add(new RoleChoice(role.id(), role.name()));
			}
			else if (workspaces.containsKey(role.definedAt())) {
				choices.add(new RoleChoice(role.id(), role.name() + " (" + workspaces.get(role.definedAt()) + ")"));
			}
		}
		return choices;
	}
}
