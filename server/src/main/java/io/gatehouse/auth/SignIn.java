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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Password sign-in: one generic failure for every reason, every attempt recorded, a new session on success. */
@Service
public class SignIn {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

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
		try {
			activity.record(user.id(), now);
		}
		catch (RuntimeException ex) {
			// the sign-in and its audit record are committed; a lost count must not turn it into a failure
			log.warn("Could not count the sign-in of user {} in their activity", user.id(), ex);
		}
		return started;
	}

	public void signOut(Actor actor) {
		transaction.executeWithoutResult(status -> {
			sessions.end(actor.sessionId());
			events.publishEvent(new SignedOut(actor));
		});
	}
}
