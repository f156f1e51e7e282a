package io.gatehouse.console.roles;

import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.roles.RoleManagement;
import io.gatehouse.roles.RoleSummary;
import io.gatehouse.shared.DomainException;
import io.gatehouse.console.resources.PrincipalNames;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.BindingView;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Roles: the built-in roles, read-only, each with an eye button to see what it allows; custom roles,
 * created, edited and deleted through {@link RoleManagement}, which refuses granting what the editor lacks.
 */
@Controller
class RoleConsoleController {

	/** Bindings listed on a role's page; more are summed up as "and more". */
	static final int BOUND_SHOWN = 100;

	private final PermissionCatalog catalog;

	private final RoleManagement roles;

	private final AccessControl access;

	private final BindingManagement bindings;

	private final UserDirectory directory;

	private final GroupManagement groups;

	RoleConsoleController(PermissionCatalog catalog, RoleManagement roles, AccessControl access,
			BindingManagement bindings, UserDirectory directory, GroupManagement groups) {
		this.catalog = catalog;
		this.roles = roles;
		this.access = access;
		this.bindings = bindings;
		this.directory = directory;
		this.groups = groups;
	}

	@GetMapping("/console/roles")
	String list(ConsoleUser me, Model model) {
		List<RoleSummary> all = catalog.roles(me.actor());
		model.addAttribute("builtIn", all.stream().filter(RoleSummary::builtIn).toList());
		model.addAttribute("custom", all.stream().filter(role -> !role.builtIn()).toList());
		model.addAttribute("canCreate", access.allows(me.actor(), Permissions.ROLES_CREATE));
		return "console/roles/list";
	}

	@GetMapping("/console/roles/new")
	String newRole(ConsoleUser me, Model model) {
		access.require(me.actor(), Permissions.ROLES_CREATE);
		return page(null, new RoleForm(null, null, List.of()), true, FormErrors.NONE, model);
	}

	@PostMapping("/console/roles")
	String create(ConsoleUser me, @ModelAttribute RoleForm form, Model model) {
		return FormFlow.submit(() -> roles.create(me.actor(), form.name(), form.description(), form.permissions(), null))
			.refused(errors -> page(null, form, true, errors, model))
			.done(role -> ConsoleRedirects.withNotice("/console/roles/" + role.id(), "role-created"));
	}

	/** The eye view: a role's permissions over the catalog, ticked where allowed; editable for a custom role. */
	@GetMapping("/console/roles/{id}")
	String show(ConsoleUser me, @PathVariable UUID id, Model model) {
		RoleSummary role = catalog.role(me.actor(), id);
		whereBound(me, id, model);
		return page(role, RoleForm.of(role), editable(me, role), FormErrors.NONE, model);
	}

	/** Where the role is bound: who holds it at which resource, as far as the viewer may read those bindings. */
	private void whereBound(ConsoleUser me, UUID id, Model model) {
		List<BindingView> bound = bindings.ofRole(me.actor(), id, BOUND_SHOWN + 1);
		PrincipalNames names = new PrincipalNames(me, access, directory, groups);
		List<RoleBinding> rows = bound.stream()
			.limit(BOUND_SHOWN)
			.map(binding -> RoleBinding.of(binding, names))
			.toList();
		model.addAttribute("boundAt", rows);
		model.addAttribute("boundMore", bound.size() > BOUND_SHOWN);
	}

	@PostMapping("/console/roles/{id}")
	String update(ConsoleUser me, @PathVariable UUID id, @ModelAttribute RoleForm form, Model model) {
		RoleSummary role = catalog.role(me.actor(), id);
		return FormFlow.submit(() -> roles.update(me.actor(), id, form.name(), form.description(), form.permissions()))
			.refused(errors -> page(role, form, true, errors, model))
			.redirect("/console/roles/" + id, "saved");
	}

	@PostMapping("/console/roles/{id}/delete")
	String delete(ConsoleUser me, @PathVariable UUID id, Model model) {
		RoleSummary role = catalog.role(me.actor(), id);
		return FormFlow.submit(() -> roles.delete(me.actor(), id))
			// still bound somewhere: say so on the role's page
			.showing(ex -> ex.kind() == DomainException.Kind.CONFLICT)
			.errors(ex -> FormErrors.summary(ex.getMessage()))
			.refused(errors -> {
				whereBound(me, id, model);
				return page(role, RoleForm.of(role), editable(me, role), errors, model);
			})
			.redirect("/console/roles", "role-deleted");
	}

	private boolean editable(ConsoleUser me, RoleSummary role) {
		return !role.builtIn() && access.allows(me.actor(), Permissions.ROLES_UPDATE,
				role.definedAt() == null ? Resources.INSTANCE : role.definedAt());
	}

	private String page(RoleSummary role, RoleForm form, boolean editable, FormErrors errors, Model model) {
		model.addAttribute("role", role);
		model.addAttribute("form", form);
		model.addAttribute("editable", editable);
		model.addAttribute("errors", errors);
		model.addAttribute("areas", catalog.areas());
		return "console/roles/show";
	}
}
