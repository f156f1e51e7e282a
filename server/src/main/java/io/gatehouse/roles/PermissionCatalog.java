package io.gatehouse.roles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.access.Permission;
import io.gatehouse.access.PermissionPattern;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.RoleDefinition;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the permission catalog and the roles, with each role's permissions spelled out. */
@Service
@Transactional(readOnly = true)
public class PermissionCatalog {

	private final AccessControl access;

	private final CatalogStore catalog;

	private final RoleStore roles;

	private final AccessModel model;

	PermissionCatalog(AccessControl access, CatalogStore catalog, RoleStore roles, AccessModel model) {
		this.access = access;
		this.catalog = catalog;
		this.roles = roles;
		this.model = model;
	}

	/** Every signed-in user may read the catalog: it names what can be granted, not who holds it. */
	public List<Area> areas() {
		return catalog.areas();
	}

	public List<RoleSummary> roles(Actor actor) {
		access.require(actor, Permissions.ROLES_READ);
		List<RoleSummary> summaries = new ArrayList<>();
		for (RoleStore.RoleRow row : roles.all()) {
			summaries.add(summary(row));
		}
		return summaries;
	}

	public RoleSummary role(Actor actor, UUID id) {
		access.require(actor, Permissions.ROLES_READ);
		return roles.find(id)
			.map(this::summary)
			.orElseThrow(() -> DomainException.notFound("role-not-found", "No role has this id."));
	}

	/**
	 * Reads permission patterns ({@code area:action}, {@code *} for any part) and checks each names an area and
	 * action of the catalog; every bad entry is reported as {@code field[i]}.
	 */
	public Set<PermissionPattern> patterns(String field, List<String> permissions, String problem) {
		Map<String, List<String>> declared = new HashMap<>();
		for (Area area : catalog.areas()) {
			declared.put(area.name(), area.actions());
		}
		List<FieldViolation> violations = new ArrayList<>();
		Set<PermissionPattern> patterns = new LinkedHashSet<>();
		List<String> given = permissions == null ? List.of() : permissions;
		for (int i = 0; i < given.size(); i++) {
			String entry = field + "[" + i + "]";
			PermissionPattern pattern;
			try {
				pattern = PermissionPattern.parse(given.get(i));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				violations.add(new FieldViolation(entry, "permission", "must be area:action, with * for any"));
				continue;
			}
			if (!PermissionPattern.ANY.equals(pattern.area()) && !declared.containsKey(pattern.area())) {
				violations.add(new FieldViolation(entry, "unknown-area", "'" + pattern.area() + "' is not an area"));
			}
			else if (!PermissionPattern.ANY.equals(pattern.area()) && !PermissionPattern.ANY.equals(pattern.action())
					&& !declared.get(pattern.area()).contains(pattern.action())) {
				violations.add(new FieldViolation(entry, "unknown-action",
						"'" + pattern.action() + "' is not an action of " + pattern.area()));
			}
			else {
				patterns.add(pattern);
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", problem, violations);
		}
		return patterns;
	}

	/**
	 * The catalog's permissions that the role grants, resolved with today's catalog: the one the access policy
	 * holds, since every binding, role and membership change asks this and the catalog seldom changes.
	 */
	List<Permission> grantedBy(RoleDefinition role) {
		return model.grantedBy(role);
	}

	/** The catalog's permissions that a group profile grants. */
	List<Permission> grantedByProfile(GroupProfile profile) {
		return model.grantedBy(profile);
	}

	private RoleSummary summary(RoleStore.RoleRow row) {
		RoleDefinition definition = BuiltInRoles.byId(row.id());
		if (definition == null) {
			definition = model.role(row.id());
		}
		List<String> permissions = definition == null ? List.of()
				: grantedBy(definition).stream().map(Permission::toString).toList();
		return new RoleSummary(row.id(), row.name(), row.description(), row.builtIn(), row.definedAt(), permissions);
	}
}
