package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.auth.SignInLock;
import io.gatehouse.auth.SignInLocks;
import io.gatehouse.auth.Sessions;
import io.gatehouse.mfa.MfaManagement;
import io.gatehouse.mfa.MfaStatus;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An administrator's hold on a user's sign-in: IP allowlist, sessions, second factor, brute-force lock. */
@RestController
@RequestMapping("/api/v1/users/{userId}")
class UserSecurityApiController {

	private final IpAllowlists allowlists;

	private final Sessions sessions;

	private final MfaManagement mfa;

	private final SignInLocks locks;

	UserSecurityApiController(IpAllowlists allowlists, Sessions sessions, MfaManagement mfa, SignInLocks locks) {
		this.allowlists = allowlists;
		this.sessions = sessions;
		this.mfa = mfa;
		this.locks = locks;
	}

	@GetMapping("/ip-allowlist")
	AllowlistJson allowlist(Actor actor, @PathVariable UUID userId) {
		return new AllowlistJson(allowlists.get(actor, userId));
	}

	@PutMapping("/ip-allowlist")
	AllowlistJson setAllowlist(Actor actor, @PathVariable UUID userId, @RequestBody AllowlistJson body) {
		if (body.rules() == null) {
			// the list is replaced as a whole: a missing one is a mistake, not a wish to open the account up
			throw DomainException.invalidField("rules", "required", "is required; send [] to allow any address");
		}
		return new AllowlistJson(allowlists.set(actor, userId, body.rules()));
	}

	@GetMapping("/sessions")
	List<SessionJson> sessions(Actor actor, @PathVariable UUID userId) {
		return sessions.listOf(actor, userId).stream().map(session -> SessionJson.of(session, actor.sessionId())).toList();
	}

	/** Ends every session of the user, on every node, at their next request. */
	@DeleteMapping("/sessions")
	Map<String, Integer> revokeSessions(Actor actor, @PathVariable UUID userId) {
		return Map.of("revoked", sessions.revokeAllOf(actor, userId));
	}

	@GetMapping("/mfa")
	MfaStatus mfa(Actor actor, @PathVariable UUID userId) {
		return mfa.statusOf(actor, userId);
	}

	/** Removes the user's authenticator and recovery codes (a lost phone); they enrol again. */
	@DeleteMapping("/mfa")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetMfa(Actor actor, @PathVariable UUID userId) {
		mfa.reset(actor, userId);
	}

	@GetMapping("/sign-in-lock")
	SignInLock lock(Actor actor, @PathVariable UUID userId) {
		return locks.ofUser(actor, userId);
	}

	/** Clears the account's failed attempts and ends a lock before its time. */
	@DeleteMapping("/sign-in-lock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(Actor actor, @PathVariable UUID userId) {
		locks.unlockUser(actor, userId);
	}
}
