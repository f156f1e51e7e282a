package io.gatehouse.api.resources;

import java.util.UUID;

import io.gatehouse.resources.Restrictions;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users/{id}/restriction}: the one subtree a user may reach. */
@RestController
class RestrictionApiController {

	record RestrictionJson(UUID resourceId) {
	}

	private final Restrictions restrictions;

	RestrictionApiController(Restrictions restrictions) {
		this.restrictions = restrictions;
	}

	@GetMapping("/api/v1/users/{userId}/restriction")
	ResponseEntity<RestrictionJson> get(Actor actor, @PathVariable UUID userId) {
		return restrictions.of(actor, userId)
			.map(resource -> ResponseEntity.ok(new RestrictionJson(resource)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PutMapping("/api/v1/users/{userId}/restriction")
	RestrictionJson restrict(Actor actor, @PathVariable UUID userId, @RequestBody RestrictionJson body) {
		restrictions.restrict(actor, userId, body.resourceId());
		return body;
	}

	@DeleteMapping("/api/v1/users/{userId}/restriction")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void lift(Actor actor, @PathVariable UUID userId) {
		restrictions.lift(actor, userId);
	}
}
