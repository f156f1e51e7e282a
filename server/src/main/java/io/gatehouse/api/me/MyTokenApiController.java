package io.gatehouse.api.me;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.tokens.IssuedToken;
import io.gatehouse.tokens.TokenManagement;
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

@RestController
@RequestMapping("/api/v1/me/tokens")
class MyTokenApiController {

	private final TokenManagement tokens;

	MyTokenApiController(TokenManagement tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	List<TokenJson> list(Actor actor) {
		return tokens.listOwn(actor).stream().map(TokenJson::of).toList();
	}

	@PostMapping
	ResponseEntity<IssuedTokenJson> create(Actor actor, @RequestBody CreateTokenRequest body) {
		IssuedToken issued = tokens.create(actor, body.name(), body.expiresAt(), Boolean.TRUE.equals(body.neverExpires()),
				body.permissions(), body.resource());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.token().id()))
			.cacheControl(CacheControl.noStore())
			.body(IssuedTokenJson.of(issued));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(Actor actor, @PathVariable UUID id) {
		tokens.revokeOwn(actor, id);
	}

	/** Revokes every token of the caller, the one in use included, and returns a single new one. */
	@PostMapping("/reset")
	ResponseEntity<IssuedTokenJson> reset(Actor actor) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(IssuedTokenJson.of(tokens.reset(actor)));
	}
}
