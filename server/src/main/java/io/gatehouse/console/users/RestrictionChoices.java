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
 * The Reseller Account field of a user's page and of + New User: the one subtree the user is confined to, chosen among the resources
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
		model.addAttribute("restriction", current.orElse(null));
		model.addAttribute("restrictionChoices", choices(me, current, "a resource you cannot see"));
		model.addAttribute("canRestrict", access.allows(me.actor(), Permissions.USERS_UPDATE));
		if (!model.containsAttribute("restrictionErrors")) {
			model.addAttribute("restrictionErrors", FormErrors.NONE);
		}
	}

	/**
	 * The field of + New User, offered to whoever may restrict users; {@code chosen}, the choice of a refused form, is
	 * kept among the choices.
	 */
	void fillNew(ConsoleUser me, UUID chosen, Model model) {
		model.addAttribute("restrictionChoices",
				choices(me, Optional.ofNullable(chosen), "a resource that is gone or that you cannot see"));
		model.addAttribute("canRestrict", access.allows(me.actor(), Permissions.USERS_UPDATE));
	}

	private List<Choice> choices(ConsoleUser me, Optional<UUID> current, String unseen) {
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
			.ifPresent(id -> choices.add(new Choice(id, name(me, id, unseen))));
		return choices;
	}

	private String name(ConsoleUser me, UUID id, String unseen) {
		try {
			Resource resource = resources.get(me.actor(), id);
			return resource.name() + " (" + resource.type() + ")";
		}
		catch (DomainException ex) {
			return unseen;
		}
	}
}
