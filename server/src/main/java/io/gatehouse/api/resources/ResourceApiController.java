package io.gatehouse.api.resources;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.Resources;
import io.gatehouse.api.ETags;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The resource tree: {@code /api/v1/resources}; the instance is {@code /api/v1/resources/instance}. */
@RestController
@RequestMapping("/api/v1/resources")
class ResourceApiController {

	private final ResourceManagement resources;

	ResourceApiController(ResourceManagement resources) {
		this.resources = resources;
	}

	@PostMapping
	ResponseEntity<ResourceJson> create(Actor actor, @RequestBody ResourceRequests.Create body) {
		Resource resource = resources.create(actor, body.type(), body.name(), body.parentId(), body.ownerId(),
				body.externalId());
		return ResponseEntity.created(URI.create("/api/v1/resources/" + resource.id()))
			.eTag(ETags.of(resource.version()))
			.body(ResourceJson.of(resource));
	}

	@GetMapping("/instance")
	ResponseEntity<ResourceJson> instance(Actor actor) {
		return withETag(resources.get(actor, Resources.INSTANCE));
	}

	@GetMapping("/{id}")
	ResponseEntity<ResourceJson> get(Actor actor, @PathVariable UUID id) {
		return withETag(resources.get(actor, id));
	}

	@GetMapping("/{id}/children")
	List<ResourceJson> children(Actor actor, @PathVariable UUID id) {
		return resources.children(actor, id).stream().map(ResourceJson::of).toList();
	}

	@PatchMapping("/{id}")
	ResponseEntity<ResourceJson> update(Actor actor, @PathVariable UUID id, @RequestBody ResourceRequests.Update body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(resources.update(actor, id, body.name(), body.parentId(), ETags.expectedVersion(ifMatch)));
	}

	@PostMapping("/{id}/owner")
	ResponseEntity<ResourceJson> transferOwnership(Actor actor, @PathVariable UUID id,
			@RequestBody ResourceRequests.TransferOwnership body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(resources.transferOwnership(actor, id, body.ownerId(), ETags.expectedVersion(ifMatch)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor actor, @PathVariable UUID id) {
		resources.delete(actor, id);
	}

	private static ResponseEntity<ResourceJson> withETag(Resource resource) {
		return ResponseEntity.ok().eTag(ETags.of(resource.version())).body(ResourceJson.of(resource));
	}
}
