package io.gatehouse.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.AccessControl;
import io.gatehouse.mail.MailTemplate;
import io.gatehouse.mail.Outbox;
import io.gatehouse.mail.OutgoingMail;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.shared.MailDates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's email address: verified by a mailed link when the account is made or the address is set by an
 * administrator; changed by the user through a link to the new address, the old one being told and staying in
 * force until the link is used.
 */
@Service
@Transactional
public class EmailAddresses {

	private static final String CONFIRM_PATH = "/console/email/confirm?token=";

	private final AccessControl access;

	private final UserStore users;

	private final UserPasswords passwords;

	private final AccountStore accounts;

	private final LinkStore links;

	private final Outbox outbox;

	private final AccountSettings settings;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EmailAddresses(AccessControl access, UserStore users, UserPasswords passwords, AccountStore accounts,
			LinkStore links, Outbox outbox, AccountSettings settings, TransactionTemplate transaction,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.users = users;
		this.passwords = passwords;
		this.accounts = accounts;
		this.links = links;
		this.outbox = outbox;
		this.settings = settings;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	/** A new account's address is verified by link; invited users verify theirs by accepting. */
	@EventListener
	void on(UserCreated event) {
		User user = event.user();
		if (user.status() != UserStatus.PENDING && !user.emailVerified() && !event.actor().isSystem()) {
			sendVerification(user, true);
		}
	}

	/** An administrator set another address: it is unverified until its owner follows the link. */
	@EventListener
	void on(UserUpdated event) {
		if (event.fields().contains("email") && !event.user().emailVerified()) {
			sendVerification(event.user(), false);
		}
	}

	/** Sends the signed-in user a fresh verification link; the earlier one stops working. */
	public void resendVerification(Actor actor) {
		User user = self(actor);
		if (user.emailVerified()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "email-already-verified",
					"Your email address is already verified.");
		}
		sendVerification(user, false);
	}

	/**
	 * Starts a change of the signed-in user's address. Whether another account already has the new address is not
	 * told here (that would let any user probe addresses); the confirmation refuses it, to the address's owner. The
	 * current password is checked under the sign-in throttle, outside any transaction (see {@link Reverification}).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void startChange(Actor actor, String newEmail, String currentPassword) {
		access.requireUnscopedCredential(actor);
		User user = self(actor);
		List<FieldViolation> violations = new ArrayList<>();
		String email = UserRules.clean(newEmail);
		UserRules.checkEmail(email, violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The new email address is not valid.", violations);
		}
		if (email.equalsIgnoreCase(user.email())) {
			throw DomainException.invalidField("email", "different", "is already your email address");
		}
		if (!passwords.reverify(actor, currentPassword)) {
			throw UserPasswords.currentPasswordInvalid();
		}
		transaction.executeWithoutResult(status -> {
			Instant expiresAt = clock.instant().plus(settings.emailLinkExpiry());
			String secret = links.issue(user.id(), Link.Purpose.EMAIL_CHANGE, email, clock.instant(), expiresAt);
			outbox.enqueue(new OutgoingMail(email, MailTemplate.EMAIL_CHANGE_CONFIRMATION, Map.of("username",
					user.username(), "newEmail", email, "link", CONFIRM_PATH + secret, "expiresAt",
					MailDates.format(expiresAt))));
			outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.EMAIL_CHANGE_REQUESTED,
					Map.of("username", user.username(), "newEmail", email)));
			events.publishEvent(new EmailChangeRequested(actor, user.id()));
		});
	}

	/**
	 * Uses a verification or email-change link. Needs no session: the link may be opened on another device. Returns
	 * the account as it now is.
	 */
	public User confirm(Actor anonymous, String token) {
		Instant now = clock.instant();
		Link link = links.use(token, now, Link.Purpose.EMAIL_VERIFICATION, Link.Purpose.EMAIL_CHANGE);
		User user = users.findLive(link.userId()).orElseThrow(LinkStore::invalid);
		Actor actor = new Actor(user.id(), user.username(), anonymous.clientIp(), null, null);
		if (link.purpose() == Link.Purpose.EMAIL_VERIFICATION) {
			// a link for an address the account no longer has verifies nothing
			if (!accounts.markVerified(user.id(), link.emailAddress(), now)) {
				throw LinkStore.invalid();
			}
			events.publishEvent(new EmailVerified(actor, user.id()));
		}
		else {
			if (users.emailTaken(link.emailAddress(), user.id())) {
				throw DomainException.conflict("email-taken", "Another account already uses this email address.", "email");
			}
			try {
				accounts.changeEmail(user.id(), link.emailAddress(), now);
			}
			catch (DuplicateKeyException ex) {
				// another account confirmed the same address a moment ago, after the check above
				throw UserStore.duplicate(ex);
			}
			outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.EMAIL_CHANGED,
					Map.of("username", user.username(), "newEmail", link.emailAddress())));
			events.publishEvent(new EmailChanged(actor, user.id()));
		}
		return users.findLive(user.id()).orElseThrow();
	}

	private void sendVerification(User user, boolean newUser) {
		Instant expiresAt = clock.instant().plus(settings.emailLinkExpiry());
		Instant now = clock.instant();
		String secret = newUser
				? links.issueFirst(user.id(), Link.Purpose.EMAIL_VERIFICATION, user.email(), now, expiresAt)
				: links.issue(user.id(), Link.Purpose.EMAIL_VERIFICATION, user.email(), now, expiresAt);
		outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.EMAIL_VERIFICATION, Map.of("username",
				user.username(), "link", CONFIRM_PATH + secret, "expiresAt", MailDates.format(expiresAt))));
	}

	private User self(Actor actor) {
		return users.findLive(actor.userId()).orElseThrow(UserStore::notFound);
	}
}
