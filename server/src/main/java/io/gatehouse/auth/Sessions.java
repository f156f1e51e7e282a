package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.users.PasswordSet;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDeactivated;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server-side sessions in the database, so every node sees the same ones and ending a session ends it everywhere.
 * Each request re-reads the user, so a deactivated user's session stops at once.
 *
 * Written here rather than with Spring Session: Spring Session keeps a serialized security context per session,
 * while Gatehouse needs sessions it can query and end per user and that carry no stale copy of the user.
 */
@Service
@Transactional
public class Sessions {

	// last-seen is written at most this often, so a busy session does not cost a write per request
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final SessionStore store;

	private final SignInRecords records;

	private final UserDirectory users;

	private final SessionSettings settings;

	private final Clock clock;

	Sessions(SessionStore store, SignInRecords records, UserDirectory users, SessionSettings settings, Clock clock) {
		this.store = store;
		this.records = records;
		this.users = users;
		this.settings = settings;
		this.clock = clock;
	}

	StartedSession start(User user, String clientIp, String userAgent) {
		Instant now = clock.instant();
		String secret = Secrets.generate();
		UUID id = UUID.randomUUID();
		Instant expiresAt = now.plus(settings.absoluteTimeout());
		store.insert(id, Secrets.hash(secret), user.id(), now, expiresAt, clientIp, truncate(userAgent, 255));
		return new StartedSession(user, id, secret, expiresAt);
	}

	public Optional<Authenticated> authenticate(String secret) {
		if (secret == null || secret.isEmpty() || secret.length() > 64) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<SessionStore.StoredSession> found = store.findBySecretHash(Secrets.hash(secret));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		SessionStore.StoredSession session = found.get();
		if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(settings.idleTimeout()))) {
			store.delete(session.id());
			return Optional.empty();
		}
		Optional<User> user = users.findActive(session.userId());
		if (user.isEmpty()) {
			store.delete(session.id());
			return Optional.empty();
		}
		if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
			store.touch(session.id(), now);
		}
		return Optional.of(new Authenticated(user.get(), session.id(), null));
	}

	public void end(UUID sessionId) {
		store.delete(sessionId);
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

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void deleteExpired() {
		Instant now = clock.instant();
		store.deleteExpired(now, now.minus(settings.idleTimeout()));
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
