package io.gatehouse.users;

import java.util.HashSet;
import java.util.Set;

import io.gatehouse.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A username Gatehouse chooses when the client gives none: the email's local part, or with the lowest
 * number from 2 up that is free. Parallel creates may all see the same one free; the unique constraint decides, and
 * the losers take the next one, so no client hears of a clash on a field it did not send.
 */
@Component
class InferredUsernames {

	// a clash at insert is a parallel create of the same name; this many in a row is something else
	private static final int ATTEMPTS = 20;

	private final UserStore users;

	private final UserPasswords passwords;

	private final TransactionTemplate savepoint;

	InferredUsernames(UserStore users, UserPasswords passwords, PlatformTransactionManager transactions) {
		this.users = users;
		this.passwords = passwords;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** The username to try first for an account with this (valid) email address. */
	String infer(String email) {
		return free(UsernameInference.fromEmail(email), Set.of());
	}

	/**
	 * Inserts the user, whose username came from {@link #infer}, taking the next free one while a parallel create wins
	 * the race for it. Each attempt runs under a savepoint: on PostgreSQL a failed statement spoils the transaction.
	 *
	 * @param password the clear password, if any, checked again against a new username
	 * @return the user as inserted, with the username it got
	 */
	User insert(User user, String passwordHash, String password) {
		String base = UsernameInference.fromEmail(user.email());
		Set<String> lost = new HashSet<>();
		User attempt = user;
		for (int round = 1;; round++) {
			User candidate = attempt;
			try {
				savepoint.executeWithoutResult(status -> users.insert(candidate, passwordHash));
				return candidate;
			}
			catch (DuplicateKeyException ex) {
				DomainException conflict = UserStore.duplicate(ex);
				if (!"username-taken".equals(conflict.code()) || round == ATTEMPTS) {
					throw conflict;
				}
				lost.add(candidate.username());
				String next = free(base, lost);
				if (password != null) {
					// the hash stays; only the rule against the username can tell the new one apart
					passwords.check("password", password, next, candidate.email());
				}
				attempt = withUsername(candidate, next);
			}
		}
	}

	/** The first free name for the base, counting the stored usernames and those {@code lost} to parallel creates. */
	private String free(String base, Set<String> lost) {
		Set<String> taken = new HashSet<>(users.baseAndNumbered(base));
		taken.addAll(lost);
		return UsernameInference.firstFree(base, taken);
	}

	private static User withUsername(User user, String username) {
		return new User(user.id(), username, user.email(), user.emailVerified(), user.firstName(), user.lastName(),
				user.displayName(), user.department(), user.timeZone(), user.status(), user.source(), user.externalId(),
				user.mustChangePassword(), user.lastLoginAt(), user.createdAt(), user.updatedAt(), user.version());
	}
}
