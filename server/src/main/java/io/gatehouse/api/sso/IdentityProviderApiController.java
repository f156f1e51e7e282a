package io.gatehouse.api.sso;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.gatehouse.api.ETags;
import io.gatehouse.shared.Actor;
import io.gatehouse.sso.IdentityProvider;
import io.gatehouse.sso.IdentityProviders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The identity providers people sign in through (single sign-on). */
@RestController
@RequestMapping("/api/v1/identity-providers")
class IdentityProviderApiController {

	private final IdentityProviders providers;

	IdentityProviderApiController(IdentityProviders providers) {
		this.providers = providers;
	}

	@GetMapping
	List<IdentityProviderJson> list(Actor actor) {
		return providers.list(actor).stream().map(IdentityProviderJson::of).toList();
	}

	@PostMapping
	ResponseEntity<IdentityProviderJson> create(Actor actor, @RequestBody IdentityProviderJson.Request body) {
		IdentityProvider provider = providers.create(actor, body.draft());
		return ResponseEntity.created(URI.create("/api/v1/identity-providers/" + provider.id()))
			.eTag(ETags.of(provider.version()))
			.body(IdentityProviderJson.of(provider));
	}

	@GetMapping("/{id}")
	ResponseEntity<IdentityProviderJson> get(Actor actor, @PathVariable UUID id) {
		return withETag(providers.get(actor, id));
	}

	/** Replaces the provider's settings; alias and issuer stay, an absent client secret keeps the stored one. */
	@PutMapping("/{id}")
	ResponseEntity<IdentityProviderJson> update(Actor actor, @PathVariable UUID id,
			@RequestBody IdentityProviderJson.Request body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(providers.update(actor, id, body.draft(), ETags.expectedVersion(ifMatch)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor actor, @PathVariable UUID id) {
		providers.delete(actor, id);
	}

	@PostMapping("/{id}/enable")
	ResponseEntity<IdentityProviderJson> enable(Actor actor, @PathVariable UUID id) {
		return withETag(providers.setEnabled(actor, id, true));
	}

	@PostMapping("/{id}/disable")
	ResponseEntity<IdentityProviderJson> disable(Actor actor, @PathVariable UUID id) {
		return withETag(providers.setEnabled(actor, id, false));
	}

	/** Reads the provider's metadata now and says what a sign-in would use. */
	@PostMapping("/{id}/test")
	IdentityProviderJson.TestJson test(Actor actor, @PathVariable UUID id) {
		return IdentityProviderJson.TestJson.of(providers.test(actor, id));
	}

	private static ResponseEntity<IdentityProviderJson> withETag(IdentityProvider provider) {
		return ResponseEntity.ok().eTag(ETags.of(provider.version())).body(IdentityProviderJson.of(provider));
	}
}
