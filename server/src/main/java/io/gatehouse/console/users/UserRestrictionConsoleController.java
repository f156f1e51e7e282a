package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.resources.Restrictions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user page's Reseller Account: confining the user to one workspace (or another resource), or lifting it, through
 * {@link Restrictions}, which holds both to authority over the user.
 */
@Controller
class UserRestrictionConsoleController {

	private final Restrictions restrictions;

	private final UserPages pages;

	UserRestrictionConsoleController(Restrictions restrictions, UserPages pages) {
		this.restrictions = restrictions;
		this.pages = pages;
	}

	@PostMapping("/console/users/{id}/restriction")
	String save(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String resourceId,
			Model model) {
		UUID resource;
		try {
			resource = resourceId.isBlank() ? null : UUID.fromString(resourceId.strip());
		}
		catch (IllegalArgumentException ex) {
			return refused(me, id, FormErrors.field("resourceId", "is not a resource of this list"), model);
		}
		return FormFlow.submit(() -> {
			if (resource == null) {
				restrictions.lift(me.actor(), id);
			}
			else {
				restrictions.restrict(me.actor(), id, resource);
			}
			return resource;
		})
			.refused(errors -> refused(me, id, errors, model))
			.redirect("/console/users/" + id + "#reseller", "saved");
	}

	private String refused(ConsoleUser me, UUID id, FormErrors errors, Model model) {
		model.addAttribute("restrictionErrors", errors);
		return pages.userPage(me, id, null, FormErrors.NONE, model);
	}
}
