package io.gatehouse.api.roles;

import java.net.URI;
import java.util.List;

import io.gatehouse.roles.Area;
import io.gatehouse.roles.CatalogManagement;
import io.gatehouse.roles.ResourceType;
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

/** The host platform's registrations: its own permission areas and resource types. */
@RestController
class PlatformCatalogApiController {

	record AreaRequest(String area, String description, Boolean administrative, List<String> actions) {
	}

	record ResourceTypeRequest(String name, String description) {
	}

	private final CatalogManagement catalog;

	PlatformCatalogApiController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@PostMapping("/api/v1/permissions")
	ResponseEntity<Area> registerArea(Actor actor, @RequestBody AreaRequest body) {
		Area area = catalog.registerArea(actor, body.area(), body.description(),
				Boolean.TRUE.equals(body.administrative()), body.actions());
		return ResponseEntity.created(URI.create("/api/v1/permissions/" + area.name())).body(area);
	}

	@PutMapping("/api/v1/permissions/{area}")
	Area updateArea(Actor actor, @PathVariable String area, @RequestBody AreaRequest body) {
		return catalog.updateArea(actor, area, body.description(), body.actions());
	}

	@DeleteMapping("/api/v1/permissions/{area}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteArea(Actor actor, @PathVariable String area) {
		catalog.deleteArea(actor, area);
	}

	@GetMapping("/api/v1/resource-types")
	List<ResourceType> resourceTypes(Actor actor) {
		return catalog.resourceTypes();
	}

	@PostMapping("/api/v1/resource-types")
	ResponseEntity<ResourceType> registerResourceType(Actor actor, @RequestBody ResourceTypeRequest body) {
		ResourceType type = catalog.registerResourceType(actor, body.name(), body.description());
		return ResponseEntity.created(URI.create("/api/v1/resource-types/" + type.name())).body(type);
	}

	@DeleteMapping("/api/v1/resource-types/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteResourceType(Actor actor, @PathVariable String name) {
		catalog.deleteResourceType(actor, name);
	}
}
