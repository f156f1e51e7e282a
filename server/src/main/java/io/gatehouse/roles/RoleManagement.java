package io.gatehouse.roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.Permission;
import io.gatehouse.access.PermissionPattern;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.access.RoleDefinition;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Counts;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequiredText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom roles, defined for the whole instance or inside one workspace (and usable only there). Built-in roles
 * cannot be changed or deleted. Nobody defines a role granting what they do not hold where it is defined.
 */
@Service
@Transactional
public class RoleManagement {

	static final int NAME_MAX = 100;

	static final int DESCRIPTION_MAX = 255;

	private final AccessControl access;

	private final PermissionCatalog catalog;

	private final RoleStore roles;

	private final AccessModel model;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoleManagement(AccessControl access, PermissionCatalog catalog, RoleStore roles, AccessModel model,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.catalog = catalog;
		this.roles = roles;
		this.model = model;
		this.events = events;
		this.clock = clock;
	}

	public RoleSummary create(Actor actor, String name, String description, List<String> permissions, UUID definedAt) {
		UUID scope = definedAt == null ? Resources.INSTANCE : definedAt;
		if (definedAt != null && !model.resourceType(definedAt).map("workspace"::equals).orElse(false)) {
			throw DomainException.invalidField("definedAt", "workspace", "must be a workspace, or absent for the instance");
		}
		access.require(actor, Permissions.ROLES_CREATE, scope);
		String clean = checkName(name);
		RequiredText.atMost("description", description, DESCRIPTION_MAX);
		Set<PermissionPattern> patterns = catalog.patterns("permissions", permissions, "The role names unknown permissions.");
		UUID id = UUID.randomUUID();
		preventEscalation(actor, new RoleDefinition(id, clean, false, patterns, definedAt), scope);
		Instant now = clock.instant();
		try {
			roles.insert(id, clean, description, definedAt, now);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("role-name-taken", "A role with this name already exists here.", "name");
		}
		roles.replacePatterns(id, patterns);
		events.publishEvent(new RoleChanged(actor, "role.created", id, clean));
		return catalog.role(Actor.system(), id);
	}

	public RoleSummary update(Actor actor, UUID id, String name, String description, List<String> permissions) {
		RoleSummary current = editable(actor, id);
		UUID scope = current.definedAt() == null ? Resources.INSTANCE : current.definedAt();
		access.require(actor, Permissions.ROLES_UPDATE, scope);
		String clean = name == null ? current.name() : checkName(name);
		RequiredText.atMost("description", description, DESCRIPTION_MAX);
		Set<PermissionPattern> patterns = catalog.patterns("permissions", permissions, "The role names unknown permissions.");
		RoleDefinition after = new RoleDefinition(id, clean, false, patterns, current.definedAt());
		preventEscalation(actor, after, scope);
		requireChangeGrantable(actor, current, after);
		try {
			roles.update(id, clean, description, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("role-name-taken", "A role with this name already exists here.", "name");
		}
		roles.replacePatterns(id, patterns);
		events.publishEvent(new RoleChanged(actor, "role.updated", id, clean));
		return catalog.role(Actor.system(), id);
	}

	public void delete(Actor actor, UUID id) {
		RoleSummary current = editable(actor, id);
		access.require(actor, Permissions.ROLES_DELETE,
				current.definedAt() == null ? Resources.INSTANCE : current.definedAt());
		int bound = model.timesBound(id);
		if (bound > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "role-still-bound",
					"The role is still bound " + Counts.of(bound, "time", "times") + "; remove those bindings first.");
		}
		roles.delete(id);
		events.publishEvent(new RoleChanged(actor, "role.deleted", id, current.name()));
	}

	private RoleSummary editable(Actor actor, UUID id) {
		RoleSummary role = catalog.role(actor, id);
		if (role.builtIn()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "role-immutable",
					"Built-in roles cannot be changed or deleted; create a custom role instead.");
		}
		return role;
	}

	private void preventEscalation(Actor actor, RoleDefinition role, UUID scope) {
		for (Permission permission : catalog.grantedBy(role)) {
			if (!access.allows(actor, permission.toString(), scope)) {
				throw DomainException.forbidden("privilege-escalation",
						"You cannot define a role granting " + permission + ", which you do not hold here.");
			}
		}
	}

	/**
	 * A role's new permissions reach everyone it is bound to, and the ones it loses are taken from them: wherever the
	 * role is bound, the actor must hold every permission that changes.
	 */
	private void requireChangeGrantable(Actor actor, RoleSummary before, RoleDefinition after) {
		Set<PermissionPattern> changed = new java.util.LinkedHashSet<>();
		Set<String> granted = new java.util.HashSet<>(before.permissions());
		for (Permission permission : catalog.grantedBy(after)) {
			if (!granted.remove(permission.toString())) {
				changed.add(PermissionPattern.of(permission));
			}
		}
		granted.forEach(lost -> changed.add(PermissionPattern.parse(lost)));
		if (changed.isEmpty()) {
			return;
		}
		RoleDefinition change = new RoleDefinition(after.id(), after.name(), false, changed, after.definedAt());
		for (UUID resource : model.resourcesBinding(after.id())) {
			access.requireGrantable(actor, change, resource, "change " + before.name() + ", which is bound here");
		}
	}


	private static String checkName(String name) {
		return RequiredText.check("name", name, NAME_MAX);
	}
}
