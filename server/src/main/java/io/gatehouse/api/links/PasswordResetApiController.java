package io.gatehouse.api.links;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.PasswordResets;
import io.gatehouse.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords, without a sign-in: ask for a link by email, then set a new password with its token. */
@RestController
@RequestMapping("/api/v1/password-resets")
class PasswordResetApiController {

	record ResetRequest(String email) {
	}

	record CompleteRequest(String token, String password) {
	}

	private final PasswordResets resets;

	PasswordResetApiController(PasswordResets resets) {
		this.resets = resets;
	}

	/** 202 for every address, known or not: the answer never tells whether an account has it. */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	void request(@RequestBody ResetRequest body, HttpServletRequest request) {
		resets.request(Actor.anonymous(ClientAddress.of(request)), body.email());
	}

	@PostMapping(path = "/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@RequestBody CompleteRequest body, HttpServletRequest request) {
		resets.complete(Actor.anonymous(ClientAddress.of(request)), body.token(), body.password());
	}
}
