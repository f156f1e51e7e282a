package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.resources.Restrictions;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Reseller Account field of a user's page: the one subtree the user is confined to, chosen among the resources
 * just under the instance (the workspaces) that the viewer can see, plus the current one wherever it is.
 */
@Component
class RestrictionChoices {

	/** A choice of the field. */
	record Choice(UUID id, String label) {
	}

	private final Restrictions restrictions;

	private final ResourceManagement resources;

	private final AccessControl access;

	RestrictionChoices(Restrictions restrictions, ResourceManagement resources, AccessControl access) {
		this.restrictions = restrictions;
		this.resources = resources;
		this.access = access;
	}

	void fill(ConsoleUser me, UUID userId, Model model) {
		Optional<UUID> current = restrictions.of(me.actor(), userId);
		List<Choice> choices = new ArrayList<>();
		try {
			for (Resource resource : resources.children(me.actor(), Resources.INSTANCE)) {
				choices.add(new Choice(resource.id(), resource.name() + " (" + resource.type() + ")"));
			}
		}
		catch (DomainException ex) {
			// may not read the tree: only the current restriction is shown
		}
		current.filter(id -> choices.stream().noneMatch(choice -> choice.id().equals(id)))
			.ifPresent(id -> choices.add(new Choice(id, name(me, id))));
		model.addAttribute("restriction", current.orElse(null));
		model.addAttribute("restrictionChoices", choices);
		model.addAttribute("canRestrict", access.allows(me.actor(), Permissions.USERS_UPDATE));
		if (!model.containsAttribute("restrictionErrors")) {
			model.addAttribute("restrictionErrors", FormErrors.NONE);
		}
	}

	private String name(ConsoleUser me, UUID id) {
		try {
			Resource resource = resources.get(me.actor(), id);
			return resource.name() + " (" + resource.type() + ")";
		}
		catch (DomainException ex) {
			return "a resource you cannot see";
		}
	}
}
