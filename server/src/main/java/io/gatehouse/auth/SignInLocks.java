package io.gatehouse.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.allowlist.IpAddress;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator's view of brute-force state, and the unlock that ends a lock before its time. */
@Service
@Transactional
public class SignInLocks {

	private final AccessControl access;

	private final UserDirectory users;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInLocks(AccessControl access, UserDirectory users, SignInThrottle throttle, ApplicationEventPublisher events,
			Clock clock) {
		this.access = access;
		this.users = users;
		this.throttle = throttle;
		this.events = events;
		this.clock = clock;
	}

	public SignInLock ofUser(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_READ);
		users.get(actor, userId);
		return view(throttle.account(userId));
	}

	public void unlockUser(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.get(Actor.system(), userId);
		// an unlock is more guesses at the user's password: only for those who could take the account over anyway
		access.requireAuthorityOver(actor, userId);
		throttle.unlock(throttle.account(userId));
		events.publishEvent(new SignInUnlocked(actor, "user", userId.toString()));
	}

	public SignInLock ofAddress(Actor actor, String address) {
		access.require(actor, Permissions.USERS_READ);
		return view(throttle.address(checked(address)));
	}

	public void unlockAddress(Actor actor, String address) {
		access.require(actor, Permissions.USERS_UPDATE);
		SignInThrottle.Key key = throttle.address(checked(address));
		throttle.unlock(key);
		events.publishEvent(new SignInUnlocked(actor, "address", key.targetId()));
	}

	private static String checked(String address) {
		if (IpAddress.parse(address) == null) {
			throw DomainException.invalidField("address", "ip-address", "must be an IPv4 or IPv6 address");
		}
		return address;
	}

	private SignInLock view(SignInThrottle.Key key) {
		Instant now = clock.instant();
		return throttle.state(key)
			.map(state -> new SignInLock(state.failures(), state.nextAttemptAt(), state.lockedUntil(),
					state.lockedUntil() != null && now.isBefore(state.lockedUntil())))
			.orElse(new SignInLock(0, null, null, false));
	}
}
