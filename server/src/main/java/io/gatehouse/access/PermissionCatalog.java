package io.gatehouse.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the permission catalog and the roles, with each role's permissions spelled out. */
@Service
@Transactional(readOnly = true)
public class PermissionCatalog {

	private final AccessControl access;

	private final CatalogStore catalog;

	private final RoleStore roles;

	private final AccessGraphStore graph;

	PermissionCatalog(AccessControl access, CatalogStore catalog, RoleStore roles, AccessGraphStore graph) {
		this.access = access;
		this.catalog = catalog;
		this.roles = roles;
		this.graph = graph;
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

	/** The catalog's permissions that the role grants, resolved with today's catalog. */
	List<Permission> grantedBy(RoleDefinition role) {
		AreaCatalog areas = AreaCatalog.withAdministrative(graph.administrativeAreas());
		List<Permission> granted = new ArrayList<>();
		for (Permission permission : catalog.permissions()) {
			if (role.grants(permission, areas)) {
				granted.add(permission);
			}
		}
		return granted;
	}

	/** The catalog's permissions that a group profile grants. */
	List<Permission> grantedByProfile(GroupProfile profile) {
		List<Permission> granted = new ArrayList<>();
		for (Permission permission : catalog.permissions()) {
			if (profile.grants(permission)) {
				granted.add(permission);
			}
		}
		return granted;
	}

	private RoleSummary summary(RoleStore.RoleRow row) {
		RoleDefinition definition = BuiltInRoles.byId(row.id());
		if (definition == null) {
			definition = graph.customRoles().get(row.id());
		}
		List<String> permissions = definition == null ? List.of()
				: grantedBy(definition).stream().map(Permission::toString).toList();
		return new RoleSummary(row.id(), row.name(), row.description(), row.builtIn(), row.definedAt(), permissions);
	}
}
