package io.gatehouse.api.me;

import java.util.List;

import io.gatehouse.oidc.Consent;
import io.gatehouse.oidc.MyConsents;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The third-party applications the signed-in user consented to; withdrawing one also revokes its tokens. */
@RestController
@RequestMapping("/api/v1/me/consents")
class MyConsentApiController {

	private final MyConsents consents;

	MyConsentApiController(MyConsents consents) {
		this.consents = consents;
	}

	@GetMapping
	List<Consent> list(Actor actor) {
		return consents.listOwn(actor);
	}

	@DeleteMapping("/{clientId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(Actor actor, @PathVariable String clientId) {
		consents.withdrawOwn(actor, clientId);
	}
}
