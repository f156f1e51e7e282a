package io.gatehouse.console.resources;

import java.util.UUID;

import io.gatehouse.access.PrincipalType;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormFlow;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who may do what on a resource: role bindings (and object policies) added and removed through
 * {@link BindingManagement}, and the ownership handed to another user through {@link ResourceManagement}.
 * A grant the editor does not hold is refused by the domain and explained next to the form.
 */
@Controller
class ResourceAccessConsoleController {

	private final BindingManagement bindings;

	private final ResourceManagement resources;

	private final ResourcePages pages;

	ResourceAccessConsoleController(BindingManagement bindings, ResourceManagement resources, ResourcePages pages) {
		this.bindings = bindings;
		this.resources = resources;
		this.pages = pages;
	}

	@PostMapping("/console/resources/{id}/bindings")
	String bind(ConsoleUser me, @PathVariable UUID id, @ModelAttribute("grant") ResourceForms.Grant grant,
			Model model) {
		return FormFlow.submit(() -> {
			boolean toUser = grant.login() != null && !grant.login().isBlank();
			if (toUser == (grant.groupId() != null)) {
				throw DomainException.invalidField("login", "one-of",
						toUser ? "give a user or a group, not both" : "give a user or choose a group");
			}
			UUID principal = toUser ? pages.userByLogin(me, "login", grant.login()).id() : grant.groupId();
			bindings.bind(me.actor(), toUser ? PrincipalType.USER : PrincipalType.GROUP, principal, grant.roleId(), id);
		})
			.refused(errors -> pages.resourcePage(me, id, "grantErrors", errors, model))
			.redirect("/console/resources/" + id + "#access", "binding-added");
	}

	@PostMapping("/console/resources/{id}/bindings/{bindingId}/remove")
	String unbind(ConsoleUser me, @PathVariable UUID id, @PathVariable UUID bindingId, Model model) {
		return FormFlow.submit(() -> bindings.unbind(me.actor(), bindingId))
			.refused(errors -> pages.resourcePage(me, id, "grantErrors", errors, model))
			.redirect("/console/resources/" + id + "#access", "binding-removed");
	}

	/** Ownership passes to another active user, confirmed in a dialog first. */
	@PostMapping("/console/resources/{id}/owner")
	String transfer(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String owner,
			@RequestParam(required = false) Long version, Model model) {
		return FormFlow.submit(() -> resources.transferOwnership(me.actor(), id, pages.userByLogin(me, "owner", owner).id(),
				version))
			.onConcurrentChange("Someone else changed this resource meanwhile. Check its owner and try again.",
					errors -> pages.resourcePage(me, id, "ownerErrors", errors, model))
			.refused(errors -> {
				model.addAttribute("sentOwner", owner);
				return pages.resourcePage(me, id, "ownerErrors", errors, model);
			})
			.redirect("/console/resources/" + id, "owner-transferred");
	}
}
