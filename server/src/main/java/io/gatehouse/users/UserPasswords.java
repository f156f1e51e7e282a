package io.gatehouse.users;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.passwords.PasswordHasher;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.passwords.TemporaryPasswords;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.UserStore.UserWithPassword;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The password credential of an account: setting it, checking it at sign-in, and keeping its hash current. */
@Service
@Transactional
public class UserPasswords {

	private final AccessControl access;

	private final UserStore users;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final TemporaryPasswords temporaryPasswords;

	private final Reverification reverification;

	private final LocalPasswords localPasswords;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserPasswords(AccessControl access, UserStore users, PasswordPolicy policy, PasswordHasher hasher,
			TemporaryPasswords temporaryPasswords, Reverification reverification, LocalPasswords localPasswords,
			TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
		this.localPasswords = localPasswords;
		this.access = access;
		this.users = users;
		this.policy = policy;
		this.hasher = hasher;
		this.temporaryPasswords = temporaryPasswords;
		this.reverification = reverification;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	/** An administrator sets a password without knowing the old one. Gatehouse never mails it anywhere. */
	public void set(Actor actor, UUID id, String password, String confirmPassword) {
		access.require(actor, Permissions.USERS_UPDATE);
		User user = users.findLive(id).orElseThrow(UserStore::notFound);
		access.requireAuthorityOver(actor, id);
		localPasswords.require(id, "password");
		if (password == null || password.isEmpty()) {
			throw DomainException.invalidField("password", "required", "is required");
		}
		if (!password.equals(confirmPassword)) {
			throw DomainException.invalidField("confirmPassword", "matches", "must match the password");
		}
		users.updatePassword(id, checkAndHash("password", password, user.username(), user.email()), false,
				clock.instant());
		events.publishEvent(new PasswordSet(actor, id, PasswordOrigin.SET_BY_ADMIN, null));
	}

	/** Generates a password the user must replace at their next sign-in; returned once, stored only hashed. */
	public String issueTemporary(Actor actor, UUID id) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.findLive(id).orElseThrow(UserStore::notFound);
		access.requireAuthorityOver(actor, id);
		localPasswords.require(id, "password");
		String password = temporaryPasswords.generate();
		users.updatePassword(id, hasher.hash(password), true, clock.instant());
		events.publishEvent(new PasswordSet(actor, id, PasswordOrigin.TEMPORARY, null));
		return password;
	}

	/**
	 * The user replaces their own password; their other sessions end, the one they are using stays. The current
	 * password is checked under the sign-in throttle, and outside any transaction: no connection waits on Argon2.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void changeOwn(Actor actor, String currentPassword, String newPassword) {
		access.requireUnscopedCredential(actor);
		User user = users.findLive(actor.userId()).orElseThrow(UserStore::notFound);
		localPasswords.require(user.id(), "newPassword");
		if (!reverification.check(actor, () -> matchesCurrent(user.id(), currentPassword))) {
			throw currentPasswordInvalid();
		}
		if (newPassword == null || newPassword.isEmpty()) {
			throw DomainException.invalidField("newPassword", "required", "is required");
		}
		if (newPassword.equals(currentPassword)) {
			throw DomainException.invalidField("newPassword", "different", "must differ from the current password");
		}
		replaceOwn(actor, user, newPassword);
	}

	/**
	 * The change a temporary password forces, without asking for that password again. Setting a temporary password
	 * ends every session of the user ({@link PasswordSet}), so a session that exists while the change is required was
	 * started by signing in with that very password: the session is the proof. A token is not, so only a session may.
	 */
	public void changeForced(Actor actor, String newPassword) {
		access.requireUnscopedCredential(actor);
		User user = users.findLive(actor.userId()).orElseThrow(UserStore::notFound);
		localPasswords.require(user.id(), "newPassword");
		if (!user.mustChangePassword() || actor.sessionId() == null || actor.tokenId() != null) {
			throw currentPasswordInvalid();
		}
		if (newPassword == null || newPassword.isEmpty()) {
			throw DomainException.invalidField("newPassword", "required", "is required");
		}
		if (matchesCurrent(user.id(), newPassword)) {
			throw DomainException.invalidField("newPassword", "different", "must differ from the temporary password");
		}
		replaceOwn(actor, user, newPassword);
	}

	private void replaceOwn(Actor actor, User user, String newPassword) {
		String hash = checkAndHash("newPassword", newPassword, user.username(), user.email());
		transaction.executeWithoutResult(status -> {
			users.updatePassword(user.id(), hash, false, clock.instant());
			events.publishEvent(new PasswordSet(actor, user.id(), PasswordOrigin.CHANGED_BY_USER, actor.sessionId()));
		});
	}

	/** Whether this is the user's current password, under the sign-in throttle: see {@link Reverification}. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	boolean reverify(Actor actor, String password) {
		return reverification.check(actor, () -> matchesCurrent(actor.userId(), password));
	}

	static DomainException currentPasswordInvalid() {
		return new DomainException(DomainException.Kind.INVALID, "current-password-invalid",
				"The current password is not correct.",
				List.of(new FieldViolation("currentPassword", "matches", "is not your current password")));
	}

	/**
	 * Checks a sign-in password. Every path costs one hash verification, also for an unknown login (against a dummy
	 * hash) and an inactive user (checked after the hash), so the time taken does not tell which case it was.
	 * A hash made with outdated parameters is replaced while the clear password is at hand.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // no connection held while hashing
	public PasswordCheck verify(String login, String password) {
		Optional<UserWithPassword> found = login == null || login.isBlank() ? Optional.empty()
				: users.findByLogin(login.strip());
		String candidate = password == null ? "" : password;
		if (found.isEmpty() || found.get().passwordHash() == null) {
			hasher.verify(candidate, hasher.dummyHash());
			return new PasswordCheck(
					found.isEmpty() ? PasswordCheck.Outcome.UNKNOWN_LOGIN : PasswordCheck.Outcome.NO_PASSWORD,
					found.map(UserWithPassword::user).orElse(null));
		}
		User user = found.get().user();
		String hash = found.get().passwordHash();
		if (!hasher.verify(candidate, hash)) {
			return new PasswordCheck(PasswordCheck.Outcome.WRONG_PASSWORD, user);
		}
		if (!user.isActive()) {
			return new PasswordCheck(PasswordCheck.Outcome.INACTIVE, user);
		}
		if (hasher.needsRehash(hash)) {
			users.rehashPassword(user.id(), hash, hasher.hash(candidate));
		}
		return new PasswordCheck(PasswordCheck.Outcome.ACCEPTED, user);
	}

	/** Whether this is the user's current password; one hash verification whatever the case. */
	private boolean matchesCurrent(UUID userId, String password) {
		String hash = users.passwordHash(userId).orElse(null);
		if (hash == null || password == null) {
			hasher.verify(password == null ? "" : password, hasher.dummyHash());
			return false;
		}
		return hasher.verify(password, hash);
	}

	/** A password chosen through a reset link: the policy applies, and every session of the user ends. */
	void reset(User user, String password) {
		users.updatePassword(user.id(), checkAndHash("password", password, user.username(), user.email()), false,
				clock.instant());
		events.publishEvent(new PasswordSet(new Actor(user.id(), user.username(), null, null, null), user.id(),
				PasswordOrigin.RESET, null));
	}

	String checkAndHash(String field, String password, String username, String email) {
		check(field, password, username, email);
		return hasher.hash(password);
	}

	/** Refuses a password the policy does not accept for this account, naming {@code field}. */
	void check(String field, String password, String username, String email) {
		List<FieldViolation> violations = policy.check(password, username, email)
			.stream()
			.map(v -> new FieldViolation(field, v.rule(), v.message()))
			.toList();
		if (!violations.isEmpty()) {
			throw DomainException.invalid("password-policy", "The password does not meet the password policy.",
					violations);
		}
	}
}
