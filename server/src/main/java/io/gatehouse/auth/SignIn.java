package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.database.DatabaseOutage;
import io.gatehouse.mfa.MfaSettings;
import io.gatehouse.mfa.SecondFactors;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.shared.TooManyAttempts;
import io.gatehouse.users.AccountRuleSettings;
import io.gatehouse.users.PasswordCheck;
import io.gatehouse.users.SignInMode;
import io.gatehouse.users.SignInActivity;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in: the password, then the second factor when the user has one. One generic failure for every reason, every
 * attempt recorded with its real reason, brute-force throttling before any secret is checked, the allowlist
 * checked once the credential is proven, and a new session at the end.
 */
@Service
public class SignIn {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	// wrong codes one second-factor step accepts before it is gone and the password is needed again
	private static final int CHALLENGE_MAX_FAILURES = 5;

	private final UserPasswords passwords;

	private final UserDirectory users;

	private final Sessions sessions;

	private final SignInRecordStore records;

	private final SignInActivity activity;

	private final SignInThrottle throttle;

	private final IpAllowlists allowlists;

	private final SecondFactors factors;

	private final MfaChallengeStore challenges;

	private final MfaSettings mfaSettings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final AccountRuleSettings rules;

	private final AccessControl access;

	private final Clock clock;

	SignIn(UserPasswords passwords, UserDirectory users, Sessions sessions, SignInRecordStore records,
			SignInActivity activity, SignInThrottle throttle, IpAllowlists allowlists, SecondFactors factors,
			MfaChallengeStore challenges, MfaSettings mfaSettings, ApplicationEventPublisher events,
			TransactionTemplate transaction, AccountRuleSettings rules, AccessControl access, Clock clock) {
		this.rules = rules;
		this.access = access;
		this.passwords = passwords;
		this.users = users;
		this.sessions = sessions;
		this.records = records;
		this.activity = activity;
		this.throttle = throttle;
		this.allowlists = allowlists;
		this.factors = factors;
		this.challenges = challenges;
		this.mfaSettings = mfaSettings;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	public SignInStep withPassword(String login, String password, String clientIp, String userAgent) {
		String recordedLogin = clip(login == null ? "" : login.strip(), 254);
		Optional<UUID> known = recordedLogin.isEmpty() ? Optional.empty() : users.idForLogin(recordedLogin);
		SignInThrottle.Key accountKey = known.map(throttle::account).orElseGet(() -> throttle.unknownLogin(recordedLogin));
		List<SignInThrottle.Key> keys = List.of(accountKey, throttle.address(clientIp));
		Optional<Duration> wait = throttle.reserve(keys);
		if (wait.isPresent()) {
			transaction.executeWithoutResult(status -> record(Actor.anonymous(clientIp), known.orElse(null),
					recordedLogin, clientIp, "throttled"));
			throw tooMany(wait.get());
		}
		// the hash is checked outside any transaction: no database connection waits on Argon2
		PasswordCheck check;
		try {
			check = passwords.verify(login, password);
		}
		catch (RuntimeException ex) {
			giveBackIfUnanswered(keys, ex);
			throw ex;
		}
		User user = check.user();
		String result = check.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
		if (check.accepted() && !allowlists.permits(user.id(), clientIp)) {
			// told apart only in the record: from outside the allowlist, a right password looks like a wrong one
			result = "address-not-allowed";
		}
		boolean breakGlass = false;
		if (check.accepted() && result.equals("accepted") && rules.signInMode() == SignInMode.EXTERNAL) {
			// people sign in through the identity provider; a local System Administrator keeps a way in for when it is
			// down, and every use of it stands out in the audit log
			breakGlass = access.isSystemAdministrator(user.id());
			if (!breakGlass) {
				result = "password-sign-in-disabled";
			}
		}
		if (!check.accepted() || !result.equals("accepted")) {
			String outcome = result;
			transaction.executeWithoutResult(status -> {
				record(Actor.anonymous(clientIp), user == null ? null : user.id(), recordedLogin, clientIp, outcome);
				throttle.failed(keys, Actor.anonymous(clientIp));
			});
			throw invalidCredentials();
		}
		Actor actor = new Actor(user.id(), user.username(), clientIp, null, null);
		if (breakGlass) {
			transaction.executeWithoutResult(status -> events.publishEvent(new BreakGlassSignIn(actor, user.id())));
		}
		if (factors.isEnrolled(user.id())) {
			// the password's attempt is given back, but the count is reset only by a right second factor: a known
			// password must not wipe the record of guessed codes
			return transaction.execute(status -> {
				record(actor, user.id(), recordedLogin, clientIp, "second-factor-required");
				SecondFactorRequired next = challenge(user.id());
				throttle.release(accountKey);
				throttle.release(keys.get(1));
				return next;
			});
		}
		try {
			boolean mustEnrol = factors.required(user.id());
			return complete(actor, user, recordedLogin, clientIp, userAgent, mustEnrol, keys);
		}
		catch (RuntimeException ex) {
			// a right password is no failure, whether or not the session could be written
			giveBackIfUnanswered(keys, ex);
			throw ex;
		}
	}

	/**
	 * A sign-in an external identity provider vouched for: the person is already proven, so no throttle, but the same
	 * guards as a password sign-in: only an active account, its IP allowlist, its second factor (unless the provider's
	 * own proof of one is trusted), and the same session at the end.
	 *
	 * @param login how the attempt reads in the sign-in history, e.g. {@code oidc:keycloak:alice}
	 * @param secondFactorProven the provider said, and its administrator trusts it, that a second factor was used
	 */
	public SignInStep withIdentityProvider(User user, String login, boolean secondFactorProven, String clientIp,
			String userAgent) {
		String recordedLogin = clip(login, 254);
		Actor actor = new Actor(user.id(), user.username(), clientIp, null, null);
		String refusal = !user.isActive() ? "deactivated"
				: !allowlists.permits(user.id(), clientIp) ? "address-not-allowed" : null;
		if (refusal != null) {
			transaction.executeWithoutResult(status -> record(actor, user.id(), recordedLogin, clientIp, refusal));
			throw DomainException.forbidden("sign-in-refused", "This account cannot sign in here.");
		}
		if (!secondFactorProven && factors.isEnrolled(user.id())) {
			return transaction.execute(status -> {
				record(actor, user.id(), recordedLogin, clientIp, "second-factor-required");
				return challenge(user.id());
			});
		}
		boolean mustEnrol = !secondFactorProven && factors.required(user.id());
		return complete(actor, user, recordedLogin, clientIp, userAgent, mustEnrol, null);
	}

	/** A sign-in through an identity provider that was refused before any account was chosen, or for one. */
	public void recordExternalRefusal(UUID userId, String login, String clientIp, String reason) {
		transaction.executeWithoutResult(
				status -> record(Actor.anonymous(clientIp), userId, clip(login, 254), clientIp, clip(reason, 32)));
	}

	/**
	 * An attempt the database's absence left unanswered (no password checked, or a right one whose session could not
	 * be written) is not held against the account or the address: its reservation is given back if the database
	 * allows. A wrong password that was checked stays counted, even when its record could not be written.
	 */
	private void giveBackIfUnanswered(List<SignInThrottle.Key> keys, RuntimeException failure) {
		if (!DatabaseOutage.isCause(failure)) {
			return;
		}
		try {
			keys.forEach(throttle::release);
		}
		catch (RuntimeException ex) {
			log.warn("A sign-in attempt the database's absence left unanswered stays counted: {}", ex.toString());
		}
	}

	/** The second step: a TOTP code or a recovery code for the challenge the password step returned. */
	public StartedSession withSecondFactor(String challengeSecret, String code, String recoveryCode, String clientIp,
			String userAgent) {
		Instant now = clock.instant();
		MfaChallengeStore.Challenge challenge = challengeSecret == null || challengeSecret.length() > 64 ? null
				: challenges.find(RandomSecrets.hash(challengeSecret), now).orElse(null);
		if (challenge == null) {
			throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "mfa-challenge-invalid",
					"The sign-in step has expired or was already used; sign in with your password again.");
		}
		List<SignInThrottle.Key> keys = List.of(throttle.account(challenge.userId()), throttle.address(clientIp));
		Optional<Duration> wait = throttle.reserve(keys);
		if (wait.isPresent()) {
			transaction.executeWithoutResult(
					status -> record(Actor.anonymous(clientIp), challenge.userId(), "", clientIp, "throttled"));
			throw tooMany(wait.get());
		}
		Optional<User> user = users.findActive(challenge.userId());
		Actor actor = user.map(u -> new Actor(u.id(), u.username(), clientIp, null, null))
			.orElse(Actor.anonymous(clientIp));
		// the allowlist first, so that a code or recovery code used from outside it is not used up
		boolean permitted = allowlists.permits(challenge.userId(), clientIp);
		boolean proven = permitted && user.isPresent() && (recoveryCode != null && !recoveryCode.isBlank()
				? factors.useRecoveryCode(actor, challenge.userId(), recoveryCode)
				: factors.verifyTotp(challenge.userId(), code));
		String outcome = !permitted ? "address-not-allowed" : proven ? "accepted" : "wrong-second-factor";
		String login = user.map(User::username).orElse("");
		if (!outcome.equals("accepted")) {
			transaction.executeWithoutResult(status -> {
				record(actor, challenge.userId(), login, clientIp, outcome);
				throttle.failed(keys, actor);
				challenges.failed(challenge.id(), CHALLENGE_MAX_FAILURES);
			});
			throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "invalid-second-factor",
					"The code is not correct.");
		}
		if (!challenges.consume(challenge.id())) {
			throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "mfa-challenge-invalid",
					"The sign-in step has expired or was already used; sign in with your password again.");
		}
		return complete(actor, user.get(), login, clientIp, userAgent, false, keys);
	}

	/**
	 * The proven sign-in, in one transaction: its record, the session, the activity count, the account's failures
	 * forgotten and the address's attempt given back. One commit instead of one per write keeps the cost of a
	 * sign-in close to that of its hash. The shared address row is written last, so its lock is held the shortest.
	 *
	 * @param keys the account's throttle key, then the address's; none for a sign-in that was not throttled
	 */
	private StartedSession complete(Actor actor, User user, String login, String clientIp, String userAgent,
			boolean mustEnrol, List<SignInThrottle.Key> keys) {
		Instant now = clock.instant();
		return transaction.execute(status -> {
			record(actor, user.id(), login, clientIp, "accepted");
			StartedSession started = sessions.start(user, clientIp, userAgent, mustEnrol);
			try {
				// under a savepoint of its own: a failed count is undone alone
				activity.record(user.id(), now);
			}
			catch (RuntimeException ex) {
				// a lost count must not turn the sign-in into a failure; the database refusing writes (its disk
				// full) is one line, not a stack trace per sign-in
				if (DatabaseOutage.isCause(ex)) {
					log.warn("Could not count the sign-in of user {} in their activity: {}", user.id(), ex.toString());
				}
				else {
					log.warn("Could not count the sign-in of user {} in their activity", user.id(), ex);
				}
			}
			if (keys != null) {
				throttle.reset(keys.get(0));
				throttle.release(keys.get(1));
			}
			return started;
		});
	}

	private SecondFactorRequired challenge(UUID userId) {
		Instant now = clock.instant();
		String secret = RandomSecrets.generate();
		Instant expiresAt = now.plus(mfaSettings.challengeLifetime());
		challenges.insert(UUID.randomUUID(), RandomSecrets.hash(secret), userId, now, expiresAt);
		return new SecondFactorRequired(secret, expiresAt);
	}

	private void record(Actor actor, UUID userId, String login, String clientIp, String result) {
		records.add(userId, login, clock.instant(), clientIp, result);
		events.publishEvent(new SignInAttempted(actor, userId, login, result));
	}

	public void signOut(Actor actor) {
		transaction.executeWithoutResult(status -> {
			sessions.end(actor.sessionId());
			events.publishEvent(new SignedOut(actor));
		});
	}

	private static DomainException invalidCredentials() {
		return new DomainException(DomainException.Kind.UNAUTHENTICATED, "invalid-credentials",
				"The login or password is not correct.");
	}

	/** The same answer whether the account exists or not: unknown logins are throttled the same way. */
	private static TooManyAttempts tooMany(Duration wait) {
		return new TooManyAttempts("Too many failed sign-in attempts; wait before trying again.", wait);
	}

	private static String clip(String value, int max) {
		return value.length() > max ? value.substring(0, max) : value;
	}
}
