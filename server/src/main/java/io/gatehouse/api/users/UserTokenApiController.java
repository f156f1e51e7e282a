package io.gatehouse.api.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.api.me.TokenJson;
import io.gatehouse.shared.Actor;
import io.gatehouse.tokens.TokenManagement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An administrator's view of any user's tokens: list and revoke, never read a secret. */
@RestController
@RequestMapping("/api/v1/users/{userId}/tokens")
class UserTokenApiController {

	private final TokenManagement tokens;

	UserTokenApiController(TokenManagement tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	List<TokenJson> list(Actor actor, @PathVariable UUID userId) {
		return tokens.listOf(actor, userId).stream().map(TokenJson::of).toList();
	}

	@DeleteMapping("/{tokenId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(Actor actor, @PathVariable UUID userId, @PathVariable UUID tokenId) {
		tokens.revokeOf(actor, userId, tokenId);
	}
}
