package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.mfa.MfaEnrolled;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.users.PasswordSet;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDeactivated;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server-side sessions in the database, so every node sees the same ones and ending a session ends it everywhere.
 * Each request re-reads the session and the user, so a revoked session or a deactivated user stops at once.
 *
 * Written here rather than with Spring Session: Spring Session keeps a serialized security context per session,
 * while Gatehouse needs sessions it can query and end per user and that carry no stale copy of the user.
 */
@Service
@Transactional
public class Sessions {

	// last-seen is written at most this often, so a busy session does not cost a write per request
	private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final SessionStore store;

	private final SignInRecordStore records;

	private final UserDirectory users;

	private final AccessControl access;

	private final SessionTimeoutSettings timeouts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Sessions(SessionStore store, SignInRecordStore records, UserDirectory users, AccessControl access,
			SessionTimeoutSettings timeouts, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.records = records;
		this.users = users;
		this.access = access;
		this.timeouts = timeouts;
		this.events = events;
		this.clock = clock;
	}

	StartedSession start(User user, String clientIp, String userAgent, boolean mfaEnrolmentRequired) {
		Instant now = clock.instant();
		String secret = RandomSecrets.generate();
		UUID id = UUID.randomUUID();
		Instant expiresAt = now.plus(timeouts.absoluteTimeout());
		store.insert(id, RandomSecrets.hash(secret), user.id(), now, expiresAt, clientIp, truncate(userAgent, 255),
				mfaEnrolmentRequired);
		return new StartedSession(user, id, secret, expiresAt, mfaEnrolmentRequired);
	}

	/**
	 * One read of the session and one of the user; a write only when last-seen is older than the touch interval or
	 * the address moved.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Authenticated> authenticate(String secret, String clientIp) {
		if (secret == null || secret.isEmpty() || secret.length() > 64) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<SessionStore.StoredSession> found = store.findBySecretHash(RandomSecrets.hash(secret));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		SessionStore.StoredSession session = found.get();
		// the timeouts in force now, not at sign-in: shortening them ends sessions already open
		if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.createdAt().plus(timeouts.absoluteTimeout()))
				|| !session.lastSeenAt().isAfter(idleCutoff(now))) {
			store.delete(session.id());
			return Optional.empty();
		}
		Optional<User> user = users.findActive(session.userId());
		if (user.isEmpty()) {
			store.delete(session.id());
			return Optional.empty();
		}
		if (session.lastSeenAt().plus(touchInterval()).isBefore(now) || !Objects.equals(session.clientIp(), clientIp)) {
			store.touch(session.id(), now, clientIp);
		}
		return Optional.of(new Authenticated(user.get(), session.id(), null, session.mfaEnrolmentRequired()));
	}

	public void end(UUID sessionId) {
		store.delete(sessionId);
	}

	/** A session used from outside its user's allowlist ends there and then. */
	void endOutsideAllowlist(Authenticated authenticated, String clientIp) {
		if (store.delete(authenticated.sessionId())) {
			events.publishEvent(new SessionRevoked(authenticated.actor(clientIp), authenticated.user().id(),
					authenticated.sessionId(), 1, "address-not-allowed"));
		}
	}

	@Transactional(readOnly = true)
	public List<SessionView> listOwn(Actor actor) {
		return list(actor.userId());
	}

	public void revokeOwn(Actor actor, UUID sessionId) {
		access.requireUnscopedCredential(actor);
		if (!store.deleteOf(actor.userId(), sessionId)) {
			throw DomainException.notFound("session-not-found", "You have no session with this id.");
		}
		events.publishEvent(new SessionRevoked(actor, actor.userId(), sessionId, 1, "revoked"));
	}

	/** Ends every session of the user but the one making the request (none is kept for a token request). */
	public int revokeOthers(Actor actor) {
		access.requireUnscopedCredential(actor);
		int count = store.deleteAllOf(actor.userId(), actor.sessionId());
		events.publishEvent(new SessionRevoked(actor, actor.userId(), null, count, "revoked-others"));
		return count;
	}

	@Transactional(readOnly = true)
	public List<SessionView> listOf(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_READ);
		users.get(actor, userId);
		return list(userId);
	}

	public int revokeAllOf(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.get(Actor.system(), userId);
		access.requireAuthorityOver(actor, userId);
		int count = store.deleteAllOf(userId, null);
		events.publishEvent(new SessionRevoked(actor, userId, null, count, "revoked-by-admin"));
		return count;
	}

	private List<SessionView> list(UUID userId) {
		Instant now = clock.instant();
		return store.listOf(userId, now, idleCutoff(now));
	}

	/**
	 * How often last-seen is written: a minute, or a tenth of the idle timeout when that is shorter, so that a session
	 * in use is seen well within its idle timeout, however short (1 minute at the least).
	 */
	private Duration touchInterval() {
		Duration tenth = timeouts.idleTimeout().dividedBy(10);
		return tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
	}

	/**
	 * A session last seen at or before this moment has been idle for its timeout. Last-seen may lag its last use by up
	 * to the touch interval, so that interval is allowed on top: a session ends at most that much after its timeout,
	 * never before it.
	 */
	private Instant idleCutoff(Instant now) {
		return now.minus(timeouts.idleTimeout()).minus(touchInterval());
	}

	@EventListener
	void on(UserDeactivated event) {
		store.deleteAllOf(event.userId(), null);
	}

	/** A deleted user's sessions end, and the logins they typed leave the sign-in history (personal data). */
	@EventListener
	void on(UserDeleted event) {
		store.deleteAllOf(event.userId(), null);
		records.forget(event.userId());
	}

	@EventListener
	void on(PasswordSet event) {
		store.deleteAllOf(event.userId(), event.keepSessionId());
	}

	/** Enrolling lifts the enrolment-only restriction from the user's sessions. */
	@EventListener
	void on(MfaEnrolled event) {
		store.enrolmentDone(event.userId());
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
