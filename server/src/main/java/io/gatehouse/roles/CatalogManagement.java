package io.gatehouse.roles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Actions;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Counts;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the host platform registers so that Gatehouse can decide its features too: its own areas with their actions
 * ({@code invoices} with {@code approve}) and its own resource types ({@code cluster}). Changing the catalog takes
 * {@code settings:update} on the instance; the built-in areas and types cannot be changed.
 */
@Service
@Transactional
public class CatalogManagement {

	private static final int DESCRIPTION_MAX = 255;

	private final AccessControl access;

	private final CatalogStore catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CatalogManagement(AccessControl access, CatalogStore catalog, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** Every signed-in user may read the types: they name what exists, not who may touch it. */
	@Transactional(readOnly = true)
	public List<ResourceType> resourceTypes() {
		return catalog.resourceTypes();
	}

	/** Whether resources of this type may be created: it is registered and is not the instance. */
	@Transactional(readOnly = true)
	public boolean creatableType(String type) {
		return !"instance".equals(type) && catalog.resourceType(type).isPresent();
	}

	public ResourceType registerResourceType(Actor actor, String name, String description) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		String clean = CatalogNames.check("name", name);
		String text = description(description);
		try {
			catalog.insertResourceType(clean, text, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("resource-type-exists", "A resource type with this name already exists.",
					"name");
		}
		events.publishEvent(new CatalogChanged(actor, "resource-type.created", "resource-type", clean, Map.of()));
		return new ResourceType(clean, text, false);
	}

	public void deleteResourceType(Actor actor, String name) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		ResourceType type = catalog.resourceType(name)
			.orElseThrow(() -> DomainException.notFound("resource-type-not-found", "No resource type has this name."));
		if (type.builtIn()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "resource-type-immutable",
					"Built-in resource types cannot be removed.");
		}
		int used = catalog.resourcesOfType(name);
		if (used > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "resource-type-in-use",
					"The resource type is used by " + Counts.of(used, "resource", "resources")
							+ "; delete or move them first.");
		}
		catalog.deleteResourceType(name);
		events.publishEvent(new CatalogChanged(actor, "resource-type.deleted", "resource-type", name, Map.of()));
	}

	/**
	 * Registers an area of the platform with its actions. {@code administrative} areas are, like users or roles,
	 * beyond Editor and Viewer: only Admins and roles naming them reach them.
	 */
	public Area registerArea(Actor actor, String name, String description, boolean administrative,
			List<String> actions) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		String clean = CatalogNames.check("area", name);
		String text = description(description);
		Set<String> cleanActions = actions(actions);
		try {
			catalog.insertArea(clean, text, administrative, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("area-exists", "An area with this name already exists.", "area");
		}
		catalog.replaceActions(clean, cleanActions);
		events.publishEvent(new CatalogChanged(actor, "area.created", "area", clean,
				Map.of("actions", List.copyOf(cleanActions), "administrative", administrative)));
		return area(clean);
	}

	/**
	 * Replaces the description and actions of a registered area. An action still named by a custom role or a group
	 * profile cannot be dropped: the grant would silently change meaning.
	 */
	public Area updateArea(Actor actor, String name, String description, List<String> actions) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		Area current = editableArea(name);
		Set<String> cleanActions = actions(actions);
		List<String> dropped = new ArrayList<>(current.actions());
		dropped.removeAll(cleanActions);
		for (String action : dropped) {
			refuseIfReferenced(name, action);
		}
		catalog.updateArea(name, description(description));
		catalog.replaceActions(name, cleanActions);
		events.publishEvent(new CatalogChanged(actor, "area.updated", "area", name,
				Map.of("actions", List.copyOf(cleanActions))));
		return area(name);
	}

	public void deleteArea(Actor actor, String name) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		editableArea(name);
		refuseIfReferenced(name, null);
		catalog.deleteArea(name);
		events.publishEvent(new CatalogChanged(actor, "area.deleted", "area", name, Map.of()));
	}

	private Area editableArea(String name) {
		Area area = catalog.area(name)
			.orElseThrow(() -> DomainException.notFound("area-not-found", "No area has this name."));
		if (area.builtIn()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "area-immutable",
					"Built-in areas cannot be changed or removed.");
		}
		return area;
	}

	private Area area(String name) {
		return catalog.area(name).orElseThrow();
	}

	/** @param action null for any action of the area */
	private void refuseIfReferenced(String area, String action) {
		String permission = action == null ? area + ":%" : area + ":" + action;
		int roles = catalog.rolesGranting(permission);
		long profiles = catalog.profileActions(area)
			.stream()
			.filter(actions -> action == null || Actions.parse(actions).contains(action))
			.count();
		if (roles + profiles > 0) {
			String what = action == null ? "The area " + area : "The action " + area + ":" + action;
			throw new DomainException(DomainException.Kind.CONFLICT, "permission-in-use",
					what + " is still granted by " + Counts.of(roles, "custom role", "custom roles") + " and "
							+ Counts.of(profiles, "group profile", "group profiles") + "; change those first.");
		}
	}

	private static Set<String> actions(List<String> actions) {
		if (actions == null || actions.isEmpty()) {
			throw DomainException.invalidField("actions", "required", "must name at least one action");
		}
		Set<String> clean = new LinkedHashSet<>();
		for (int i = 0; i < actions.size(); i++) {
			clean.add(CatalogNames.check("actions[" + i + "]", actions.get(i)));
		}
		return clean;
	}

	private static String description(String description) {
		if (description != null && description.length() > DESCRIPTION_MAX) {
			throw DomainException.invalidField("description", "max-length",
					"must be at most " + DESCRIPTION_MAX + " characters");
		}
		return description == null || description.isBlank() ? null : description.strip();
	}

}
