package io.gatehouse.api.roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.gatehouse.roles.Area;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.roles.RoleManagement;
import io.gatehouse.roles.RoleSummary;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The permission catalog and the roles with their permissions spelled out. */
@RestController
class CatalogApiController {

	record RoleRequest(String name, String description, List<String> permissions, UUID definedAt) {
	}

	private final PermissionCatalog catalog;

	private final RoleManagement roles;

	CatalogApiController(PermissionCatalog catalog, RoleManagement roles) {
		this.catalog = catalog;
		this.roles = roles;
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

	/** A custom role for the instance, or with {@code definedAt} for one workspace only. */
	@PostMapping("/api/v1/roles")
	ResponseEntity<RoleSummary> create(Actor actor, @RequestBody RoleRequest body) {
		RoleSummary role = roles.create(actor, body.name(), body.description(), body.permissions(), body.definedAt());
		return ResponseEntity.created(URI.create("/api/v1/roles/" + role.id())).body(role);
	}

	@PutMapping("/api/v1/roles/{id}")
	RoleSummary update(Actor actor, @PathVariable UUID id, @RequestBody RoleRequest body) {
		return roles.update(actor, id, body.name(), body.description(), body.permissions());
	}

	@DeleteMapping("/api/v1/roles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor actor, @PathVariable UUID id) {
		roles.delete(actor, id);
	}
}
