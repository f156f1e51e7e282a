package io.gatehouse.console.resources;

import java.util.UUID;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resource tree (instance → workspaces → projects → environments, and the platform's own types): browsed with
 * children loaded as a branch opens, and a resource created, renamed or deleted through {@link ResourceManagement}.
 */
@Controller
class ResourceConsoleController {

	private final ResourceManagement resources;

	private final ResourcePages pages;

	ResourceConsoleController(ResourceManagement resources, ResourcePages pages) {
		this.resources = resources;
		this.pages = pages;
	}

	@GetMapping("/console/resources")
	String tree(ConsoleUser me, Model model) {
		return pages.tree(me, model);
	}

	/** A branch's rows, fetched by htmx when it is opened, and the next page of them on "Show more". */
	@GetMapping("/console/resources/{id}/children")
	String children(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "0") int offset, Model model) {
		pages.children(me, id, offset, model);
		return "console/resources/tree :: children";
	}

	@GetMapping("/console/resources/{id}")
	String show(ConsoleUser me, @PathVariable UUID id, Model model) {
		return pages.resourcePage(me, id, model);
	}

	@PostMapping("/console/resources/{id}/children")
	String create(ConsoleUser me, @PathVariable UUID id, @ModelAttribute("child") ResourceForms.Child child,
			Model model) {
		return FormFlow.submit(() -> resources.create(me.actor(), child.type(), child.name(), id, null, null))
			.refused(errors -> pages.resourcePage(me, id, "createErrors", errors, model))
			.done(created -> ConsoleRedirects.withNotice("/console/resources/" + created.id(), "resource-created"));
	}

	@PostMapping("/console/resources/{id}")
	String rename(ConsoleUser me, @PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Long version, Model model) {
		return FormFlow.submit(() -> resources.update(me.actor(), id, name == null ? "" : name, null, version))
			.onConcurrentChange(
					"Someone else changed this resource while you were editing. This is what is stored now.",
					errors -> pages.resourcePage(me, id, "renameErrors", errors, model))
			.refused(errors -> {
				model.addAttribute("sentName", name);
				return pages.resourcePage(me, id, "renameErrors", errors, model);
			})
			.redirect("/console/resources/" + id, "saved");
	}

	/**
	 * Moves the resource under another parent, through the same update as a rename: the caller needs the right on the
	 * resource where it is and to create under the new parent, and may not hand it to people they could not grant.
	 */
	@PostMapping("/console/resources/{id}/move")
	String move(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String parentId,
			@RequestParam(required = false) Long version, Model model) {
		UUID parent;
		try {
			parent = UUID.fromString(parentId.strip());
		}
		catch (IllegalArgumentException ex) {
			return pages.resourcePage(me, id, "moveErrors", FormErrors.field("parentId", "choose where to move it"),
					model);
		}
		return FormFlow.submit(() -> resources.update(me.actor(), id, null, parent, version))
			.onConcurrentChange(
					"Someone else changed this resource while you were choosing. This is what is stored now.",
					errors -> pages.resourcePage(me, id, "moveErrors", errors, model))
			.refused(errors -> pages.resourcePage(me, id, "moveErrors", errors, model))
			.redirect("/console/resources/" + id, "resource-moved");
	}

	/** Deletes a leaf; a resource that still has children stays, and its page says why. */
	@PostMapping("/console/resources/{id}/delete")
	String delete(ConsoleUser me, @PathVariable UUID id, Model model) {
		Resource resource = resources.get(me.actor(), id);
		return FormFlow.submit(() -> resources.delete(me.actor(), id))
			.refused(errors -> pages.resourcePage(me, id, "deleteErrors", errors, model))
			.redirect("/console/resources/" + resource.parentId(), "resource-deleted");
	}
}
