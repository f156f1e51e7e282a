package io.gatehouse.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.PasswordCheck;
import io.gatehouse.users.SignInActivity;
import io.gatehouse.users.User;
import io.gatehouse.users.UserPasswords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Password sign-in: one generic failure for every reason, every attempt recorded, a new session on success. */
@Service
public class SignIn {

	private final UserPasswords passwords;

	private final Sessions sessions;

	private final SignInRecords records;

	private final SignInActivity activity;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SignIn(UserPasswords passwords, Sessions sessions, SignInRecords records, SignInActivity activity,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.passwords = passwords;
		this.sessions = sessions;
		this.records = records;
		this.activity = activity;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	public StartedSession withPassword(String login, String password, String clientIp, String userAgent) {
		// the hash is checked outside any transaction: no database connection waits on Argon2
		PasswordCheck check = passwords.verify(login, password);
		Instant now = clock.instant();
		String result = check.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
		String recordedLogin = login == null ? "" : login.strip();
		if (recordedLogin.length() > 254) {
			recordedLogin = recordedLogin.substring(0, 254);
		}
		User user = check.user();
		Actor actor = check.accepted() ? new Actor(user.id(), user.username(), clientIp, null, null)
				: Actor.anonymous(clientIp);
		String loginForRecord = recordedLogin;
		StartedSession started = transaction.execute(status -> {
			records.add(user == null ? null : user.id(), loginForRecord, now, clientIp, result);
			events.publishEvent(new SignInAttempted(actor, user == null ? null : user.id(), loginForRecord, result));
			return check.accepted() ? sessions.start(user, clientIp, userAgent) : null;
		});
		if (started == null) {
			throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "invalid-credentials",
					"The login or password is not correct.");
		}
		activity.record(user.id(), now);
		return started;
	}

	public void signOut(Actor actor) {
		transaction.executeWithoutResult(status -> {
			sessions.end(actor.sessionId());
			events.publishEvent(new SignedOut(actor));
		});
	}
}
