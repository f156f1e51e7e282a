package io.gatehouse.api.scimclients;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.provisioning.RegisteredScimClient;
import io.gatehouse.provisioning.ScimClient;
import io.gatehouse.provisioning.ScimClientManagement;
import io.gatehouse.shared.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SCIM clients: register (the token is in this answer only), list with last use, revoke. */
@RestController
@RequestMapping("/api/v1/scim-clients")
class ScimClientApiController {

	private final ScimClientManagement clients;

	ScimClientApiController(ScimClientManagement clients) {
		this.clients = clients;
	}

	record RegisterScimClientRequest(String name, Instant expiresAt, Boolean neverExpires) {
	}

	record ScimClientJson(UUID id, String name, String tokenPrefix, UUID createdBy, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt) {

		static ScimClientJson of(ScimClient client) {
			return new ScimClientJson(client.id(), client.name(), client.tokenPrefix(), client.createdBy(),
					client.createdAt(), client.expiresAt(), client.lastUsedAt());
		}
	}

	record RegisteredScimClientJson(ScimClientJson client, String token, String scimBaseUrl) {
	}

	@GetMapping
	List<ScimClientJson> list(Actor actor) {
		return clients.list(actor).stream().map(ScimClientJson::of).toList();
	}

	@PostMapping
	ResponseEntity<RegisteredScimClientJson> register(Actor actor, @RequestBody RegisterScimClientRequest body) {
		RegisteredScimClient registered = clients.register(actor, body.name(), body.expiresAt(),
				Boolean.TRUE.equals(body.neverExpires()));
		return ResponseEntity.created(URI.create("/api/v1/scim-clients/" + registered.client().id()))
			.cacheControl(CacheControl.noStore())
			.body(new RegisteredScimClientJson(ScimClientJson.of(registered.client()), registered.token(), "/scim/v2"));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(Actor actor, @PathVariable UUID id) {
		clients.revoke(actor, id);
	}
}
