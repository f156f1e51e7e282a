package io.gatehouse.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts an external identity provider owns: made at a person's first sign-in (just in time) and brought up to date
 * with what the provider asserts at every later one. Only the system acts here: the provider's signed assertion is
 * the authority, and whoever configured the provider was held to the rule of granting when they did.
 */
@Service
@Transactional
public class ExternalAccounts {

	private final UserStore users;

	private final InferredUsernames usernames;

	private final UserWrites writes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExternalAccounts(UserStore users, InferredUsernames usernames, UserWrites writes, ApplicationEventPublisher events,
			Clock clock) {
		this.users = users;
		this.usernames = usernames;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	/** A new active account with no password; the username is inferred from the email. */
	public User create(Actor actor, ExternalIdentity identity) {
		Fields fields = Fields.of(identity);
		Instant now = clock.instant();
		User made = new User(UUID.randomUUID(), usernames.infer(fields.email()), fields.email(),
				identity.emailVerified(), fields.firstName(), fields.lastName(), fields.displayName(),
				fields.department(), null, UserStatus.ACTIVE, identity.source(), clip(identity.externalId(), 255), false,
				null, now, now, 1);
		User user = usernames.insert(made, null, null);
		events.publishEvent(new UserCreated(actor, user));
		return user;
	}

	/** The account of a verified email address, if there is one and it is made here (a candidate for linking). */
	@Transactional(readOnly = true)
	public Optional<User> findLocalByVerifiedEmail(String email) {
		String clean = UserRules.clean(email);
		if (clean == null || !UserRules.isEmail(clean)) {
			return Optional.empty();
		}
		return users.findByLogin(clean)
			.map(UserStore.UserWithPassword::user)
			.filter(user -> user.emailVerified() && user.source() == UserSource.INTERNAL
					&& user.status() != UserStatus.DELETED);
	}

	/**
	 * Takes the provider's identity fields onto the account. An account linked by email keeps being a local one
	 * ({@code source} stays), so its password keeps working where the sign-in mode allows one.
	 */
	public User refresh(Actor actor, UUID userId, ExternalIdentity identity) {
		User current = writes.existing(userId);
		Fields fields = Fields.of(identity);
		List<String> changed = new ArrayList<>();
		note(changed, "email", current.email(), fields.email());
		note(changed, "firstName", current.firstName(), fields.firstName());
		note(changed, "lastName", current.lastName(), fields.lastName());
		note(changed, "displayName", current.displayName(), fields.displayName());
		note(changed, "department", current.department(), fields.department());
		boolean verified = identity.emailVerified() || (current.emailVerified() && !changed.contains("email"));
		if (changed.isEmpty() && verified == current.emailVerified()) {
			return current;
		}
		if (changed.contains("email") && users.emailTaken(fields.email(), userId)) {
			throw DomainException.conflict("email-taken", "Another account already has the provider's email address.",
					"email");
		}
		User updated = new User(userId, current.username(), fields.email(), verified, fields.firstName(),
				fields.lastName(), fields.displayName(), fields.department(), current.timeZone(), current.status(),
				current.source(), current.externalId(), current.mustChangePassword(), current.lastLoginAt(),
				current.createdAt(), clock.instant(), current.version() + 1);
		writes.write(updated, current.version());
		events.publishEvent(new UserUpdated(actor, updated, changed, current.email()));
		return updated;
	}

	private static void note(List<String> changed, String field, String before, String after) {
		if (before == null ? after != null : !before.equals(after)) {
			changed.add(field);
		}
	}

	private static String clip(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/** The asserted fields as the directory's rules allow them: over-long names are cut, a bad email refused. */
	private record Fields(String email, String firstName, String lastName, String displayName, String department) {

		static Fields of(ExternalIdentity identity) {
			String email = UserRules.clean(identity.email());
			List<FieldViolation> violations = new ArrayList<>();
			if (email == null) {
				violations.add(new FieldViolation("email", "required", "the provider sent no email address"));
			}
			else {
				UserRules.checkEmail(email, violations);
			}
			if (!violations.isEmpty()) {
				throw DomainException.invalid("external-identity-invalid",
						"The identity provider's assertion has no usable email address.", violations);
			}
			return new Fields(email, name(identity.firstName(), UserRules.NAME_MAX),
					name(identity.lastName(), UserRules.NAME_MAX), name(identity.displayName(), 2 * UserRules.NAME_MAX),
					name(identity.department(), UserRules.NAME_MAX));
		}

		private static String name(String value, int max) {
			String clean = UserRules.clean(value);
			if (clean == null) {
				return null;
			}
			// the directory's names hold no control characters; what a provider sends is cleaned, not refused
			String printable = clean.codePoints()
				.filter(c -> !Character.isISOControl(c))
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			return printable.isEmpty() ? null : clip(printable, max);
		}
	}
}
