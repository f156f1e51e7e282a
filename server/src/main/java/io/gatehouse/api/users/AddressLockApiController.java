package io.gatehouse.api.users;

import io.gatehouse.auth.SignInLock;
import io.gatehouse.auth.SignInLocks;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Brute-force state of a client address (an office NAT locked by a script gone wrong), and its unlock. */
@RestController
@RequestMapping("/api/v1/sign-in-locks/addresses/{address}")
class AddressLockApiController {

	private final SignInLocks locks;

	AddressLockApiController(SignInLocks locks) {
		this.locks = locks;
	}

	@GetMapping
	SignInLock lock(Actor actor, @PathVariable String address) {
		return locks.ofAddress(actor, address);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(Actor actor, @PathVariable String address) {
		locks.unlockAddress(actor, address);
	}
}
