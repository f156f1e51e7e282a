package io.gatehouse.api.access;

import java.util.List;
import java.util.UUID;

import io.gatehouse.access.Area;
import io.gatehouse.access.PermissionCatalog;
import io.gatehouse.access.RoleSummary;
import io.gatehouse.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The permission catalog and the roles with their permissions spelled out. */
@RestController
class CatalogApiController {

	private final PermissionCatalog catalog;

	CatalogApiController(PermissionCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/permissions")
	List<Area> permissions(Actor actor) {
		return catalog.areas();
	}

	@GetMapping("/api/v1/roles")
	List<RoleSummary> roles(Actor actor) {
		return catalog.roles(actor);
	}

	@GetMapping("/api/v1/roles/{id}")
	RoleSummary role(Actor actor, @PathVariable UUID id) {
		return catalog.role(actor, id);
	}
}
