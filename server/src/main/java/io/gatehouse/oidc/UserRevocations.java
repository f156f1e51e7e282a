package io.gatehouse.oidc;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.gatehouse.auth.SessionRevoked;
import io.gatehouse.jobs.OnceAcrossNodes;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.PasswordSet;
import io.gatehouse.users.UserDeactivated;
import io.gatehouse.users.UserDeleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What ends a user's sign-in also ends what applications hold for them, in the same transaction: deactivation,
 * deletion, a new password, and an administrator's or the user's "end all sessions".
 */
@Component
class UserRevocations {

	private final AuthorizationStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OnceAcrossNodes once;

	private final AccessTokenCache accessTokens;

	UserRevocations(AuthorizationStore store, ApplicationEventPublisher events, Clock clock, OnceAcrossNodes once,
			AccessTokenCache accessTokens) {
		this.accessTokens = accessTokens;
		this.once = once;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(UserDeactivated event) {
		revoke(event.actor(), event.userId(), "user-deactivated");
	}

	/** A deleted user's consents go too: they are personal data. */
	@EventListener
	void on(UserDeleted event) {
		revoke(event.actor(), event.userId(), "user-deleted");
		store.withdrawConsentsOf(event.userId().toString());
	}

	@EventListener
	void on(PasswordSet event) {
		revoke(event.actor(), event.userId(), "password-set");
	}

	/** Only "end all sessions": ending one session (or signing out) leaves the applications signed in. */
	@EventListener
	void on(SessionRevoked event) {
		if (event.sessionId() == null) {
			revoke(event.actor(), event.userId(), "sessions-ended");
		}
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
	void purgeExpired() {
		once.run("oidc.purge-expired", Duration.ofMinutes(10), () -> store.purgeExpired(clock.instant()));
	}

	private void revoke(Actor actor, UUID userId, String reason) {
		int count = store.revokeAllOf(userId.toString());
		if (count > 0) {
			accessTokens.changingAll();
			events.publishEvent(new OidcUserAuthorizationsRevoked(actor, userId, count, reason));
		}
	}
}
