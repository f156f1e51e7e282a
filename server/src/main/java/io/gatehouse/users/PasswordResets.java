package io.gatehouse.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.jobs.OnceAcrossNodes;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.ClientNetwork;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a mailed single-use link to choose a new one. The request answers the same for
 * every address, known or not, and is rate-limited per address and per client, counted in the database.
 */
@Service
@Transactional
public class PasswordResets {

	private final AccessControl access;

	private final UserStore users;

	private final UserPasswords passwords;

	private final AccountStore accounts;

	private final LinkStore links;

	private final ResetRequestStore requests;

	private final ResetLinkMailer mailer;

	private final PasswordResetSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OnceAcrossNodes once;

	private final LocalPasswords localPasswords;

	PasswordResets(AccessControl access, UserStore users, UserPasswords passwords, AccountStore accounts, LinkStore links,
			ResetRequestStore requests, ResetLinkMailer mailer, PasswordResetSettings settings,
			ApplicationEventPublisher events, Clock clock, OnceAcrossNodes once, LocalPasswords localPasswords) {
		this.access = access;
		this.localPasswords = localPasswords;
		this.once = once;
		this.users = users;
		this.passwords = passwords;
		this.accounts = accounts;
		this.links = links;
		this.requests = requests;
		this.mailer = mailer;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Mails a reset link if an active account has this address, and does nothing visible otherwise. The limits
	 * count every request, known address or not, so hitting one tells nothing about the address either; nor does
	 * the time of the answer, since the link is made after it ({@link ResetLinkMailer}).
	 */
	public void request(Actor anonymous, String email) {
		String address = UserRules.clean(email);
		if (address == null) {
			throw DomainException.invalidField("email", "required", "is required");
		}
		if (address.length() > 254) {
			throw DomainException.invalidField("email", "email", "must be a valid email address, like name@example.com");
		}
		Instant now = clock.instant();
		Instant since = now.minus(settings.window());
		// an IPv6 client is counted by its /64, which is all theirs
		String client = ClientNetwork.of(anonymous.clientIp());
		if (requests.forEmailSince(address, since) >= settings.perEmail()
				|| (client != null && requests.fromClientSince(client, since) >= settings.perClient())) {
			throw new DomainException(DomainException.Kind.TOO_MANY_REQUESTS, "too-many-requests",
					"Too many password-reset requests; try again later.");
		}
		// the same reads and writes whatever the address: the link of a known one is made after the answer
		Optional<User> user = address.indexOf('@') < 0 ? Optional.empty()
				: users.findByLogin(address).map(UserStore.UserWithPassword::user);
		// under external sign-in only a System Administrator's password is kept (break-glass); the answer is the same
		boolean local = user.isPresent() && localPasswords.allowedFor(user.get().id());
		boolean mails = user.isPresent() && user.get().isActive() && local;
		UUID request = requests.add(address, client, now, !mails);
		events.publishEvent(new PasswordResetRequested(anonymous, user.map(User::id).orElse(null),
				mails ? "mailed" : user.isEmpty() ? "unknown-email" : !local ? "sign-in-external" : "inactive"));
		if (mails) {
			mailer.mailAfterCommit(request);
		}
	}

	/**
	 * A reset link for an administrator to hand over themselves, when mail cannot go out. Only for whoever may set
	 * this user's password already ({@code users:update} and authority over them, as {@link UserPasswords#set}), so it
	 * gives them nothing new; only for an active user; returned once, audited. The link proves no mailbox, so using it
	 * does not mark the address verified.
	 *
	 * @return the link's path on this instance, {@code /console/password-reset?token=…}
	 */
	public String copyLink(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_UPDATE);
		User user = users.findLive(userId).orElseThrow(UserStore::notFound);
		access.requireAuthorityOver(actor, userId);
		localPasswords.require(userId, "password");
		if (!user.isActive()) {
			throw DomainException.conflict("user-not-active",
					"Only an active user can reset their password; reactivate the user first.", null);
		}
		Instant now = clock.instant();
		String secret = links.issue(userId, Link.Purpose.PASSWORD_RESET, null, now, now.plus(settings.expiry()));
		events.publishEvent(new PasswordResetLinkIssued(actor, userId));
		return "/console/password-reset?token=" + secret;
	}

	/** Sets the new password (the policy applies) and ends every session of the user. */
	public void complete(Actor anonymous, String token, String password) {
		Instant now = clock.instant();
		Link link = links.use(token, now, Link.Purpose.PASSWORD_RESET);
		User user = users.findLive(link.userId()).filter(User::isActive).orElseThrow(LinkStore::invalid);
		localPasswords.require(user.id(), "password");
		if (password == null || password.isEmpty()) {
			throw DomainException.invalidField("password", "required", "is required");
		}
		passwords.reset(user, password);
		// a mailed link reached the mailbox, which proves the address (if it is still the account's); a copied one
		// carries no address and proves nothing
		if (link.emailAddress() != null) {
			accounts.markVerified(user.id(), link.emailAddress(), now);
		}
	}

	/**
	 * A new password by any path (the user's own change, an administrator's, a temporary one, a reset) ends every
	 * reset link still pending: a link mailed before it must not undo it, nor let whoever reads that mailbox in.
	 */
	@EventListener
	void endPendingResets(PasswordSet set) {
		links.deleteOf(set.userId(), Link.Purpose.PASSWORD_RESET);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldRequests() {
		once.run("users.old-reset-requests", Duration.ofHours(1),
				() -> requests.deleteBefore(clock.instant().minus(settings.window()).minusSeconds(60)));
	}
}
