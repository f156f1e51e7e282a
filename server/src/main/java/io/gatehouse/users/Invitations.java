package io.gatehouse.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.mail.MailTemplate;
import io.gatehouse.mail.Outbox;
import io.gatehouse.mail.OutgoingMail;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.shared.MailDates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation lifecycle: invite (a pending user, their groups and roles, and a mailed single-use link),
 * resend (a new link; the old one stops working), cancel (the pending user is deleted), accept (a password, a
 * verified email, and the user is active).
 */
@Service
@Transactional
public class Invitations {

	private static final Pattern GRANT_FIELD = Pattern.compile("bindings\\[(\\d+)\\](\\..*)?");

	private final AccessControl access;

	private final UserManagement management;

	private final UserDeletion deletion;

	private final UserPasswords passwords;

	private final InvitationStore invitations;

	private final AccountStore accounts;

	private final UserStore users;

	private final LinkStore links;

	private final Outbox outbox;

	private final InvitationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(AccessControl access, UserManagement management, UserDeletion deletion, UserPasswords passwords,
			InvitationStore invitations, AccountStore accounts, UserStore users, LinkStore links,
			Outbox outbox, InvitationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.management = management;
		this.deletion = deletion;
		this.passwords = passwords;
		this.invitations = invitations;
		this.accounts = accounts;
		this.users = users;
		this.links = links;
		this.outbox = outbox;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates the pending user with their groups and role bindings and mails the link, all in one transaction: a
	 * group or role the inviter may not give leaves no user and sends no mail.
	 */
	public Invitation invite(Actor actor, Invite invite) {
		access.require(actor, Permissions.USERS_CREATE);
		management.refuseUnderExternalSignIn("email");
		String email = UserRules.clean(invite.email());
		if (email != null && email.indexOf('@') > 0) {
			users.findByLogin(email)
				.map(UserStore.UserWithPassword::user)
				.filter(user -> user.status() == UserStatus.PENDING)
				.ifPresent(user -> {
					throw new AlreadyInvited(user.id());
				});
		}
		// roles are bindings at the instance; they go first, so a failure at bindings[k] is roles[k] or a binding
		List<RoleGrant> grants = new ArrayList<>();
		invite.roles().forEach(role -> grants.add(new RoleGrant(role, null)));
		grants.addAll(invite.bindings());
		User user;
		try {
			user = management.create(actor, new CreateUser(invite.username(), invite.email(), null, invite.firstName(),
					invite.lastName(), null, null, null, null, null, invite.groups(), grants), UserStatus.PENDING);
		}
		catch (DomainException ex) {
			throw asRequested(ex, invite.roles().size());
		}
		Invitation invitation = InvitationTerms.first(user, actor, clock.instant(), settings.expiry());
		invitations.insert(user.id(), actor.userId(), actor.username(), invitation.invitedAt(),
				invitation.expiresAt());
		send(actor, user, invitation.expiresAt());
		events.publishEvent(new UserInvited(actor, user.id(), invite.groups().size(),
				invite.roles().size() + invite.bindings().size()));
		return invitation;
	}

	@Transactional(readOnly = true)
	public List<Invitation> pending(Actor actor) {
		access.require(actor, Permissions.USERS_READ);
		return invitations.pending();
	}

	/** A new link with a new expiry; the link mailed before stops working. */
	public Invitation resend(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_CREATE);
		Invitation invitation = existing(userId);
		access.requireAuthorityOver(actor, userId);
		Invitation renewed = InvitationTerms.resent(invitation, clock.instant(), settings.expiry());
		invitations.resent(userId, renewed.expiresAt());
		send(actor, invitation.user(), renewed.expiresAt());
		events.publishEvent(new InvitationResent(actor, userId));
		return renewed;
	}

	/**
	 * A new invitation link for the inviter to hand over themselves, when mail cannot go out: the same checks as a
	 * resend, the earlier link stops working, nothing is mailed, and the event is audited. The link is returned once;
	 * accepting it does not mark the address verified, since it never went through the mailbox.
	 *
	 * @return the link's path on this instance, {@code /console/invitations/accept?token=…}
	 */
	public String copyLink(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_CREATE);
		Invitation invitation = existing(userId);
		access.requireAuthorityOver(actor, userId);
		Invitation renewed = InvitationTerms.resent(invitation, clock.instant(), settings.expiry());
		invitations.resent(userId, renewed.expiresAt());
		String secret = links.issue(userId, Link.Purpose.INVITATION, null, clock.instant(), renewed.expiresAt());
		events.publishEvent(new InvitationLinkIssued(actor, userId));
		return "/console/invitations/accept?token=" + secret;
	}

	/** Cancelling an invitation deletes the pending user. */
	public void cancel(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_DELETE);
		Invitation invitation = existing(userId);
		access.requireAuthorityOver(actor, userId);
		deletion.erase(actor, invitation.user(), true);
	}

	/** The invited person chooses a password with the mailed link; signing in works from then on. */
	public User accept(Actor anonymous, String token, String password) {
		Link link = links.use(token, clock.instant(), Link.Purpose.INVITATION);
		User user = InvitationTerms.acceptor(users.findLive(link.userId()));
		InvitationTerms.requirePassword(password);
		String hash = passwords.checkAndHash("password", password, user.username(), user.email());
		// a mailed link proves the address; one an administrator copied and handed over does not
		if (!accounts.activateInvited(user.id(), hash, link.emailAddress() != null, clock.instant())) {
			throw LinkStore.invalid();
		}
		invitations.delete(user.id());
		Actor actor = new Actor(user.id(), user.username(), anonymous.clientIp(), null, null);
		events.publishEvent(new InvitationAccepted(actor, user.id()));
		return users.findLive(user.id()).orElseThrow();
	}

	/**
	 * What the page a link opens says about the invitation, changing nothing: the account being invited and the
	 * inviter's name, nothing else of either. Refused as {@link #accept} would refuse the link.
	 */
	@Transactional(readOnly = true)
	public InvitationPreview preview(String token) {
		Link link = links.peek(token, clock.instant(), Link.Purpose.INVITATION);
		User user = InvitationTerms.acceptor(users.findLive(link.userId()));
		return new InvitationPreview(user.username(), user.email(), invitations.inviterName(user.id()).orElse(null));
	}

	private void send(Actor actor, User user, Instant expiresAt) {
		String secret = links.issue(user.id(), Link.Purpose.INVITATION, user.email(), clock.instant(), expiresAt);
		outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.INVITATION,
				Map.of("username", user.username(), "invitedBy", actor.username() == null ? "An administrator"
						: actor.username(), "link", "/console/invitations/accept?token=" + secret, "expiresAt",
						MailDates.format(expiresAt))));
	}

	private Invitation existing(UUID userId) {
		return invitations.find(userId)
			.orElseThrow(() -> DomainException.notFound("invitation-not-found", "No pending invitation has this id."));
	}

	/** Grants are checked as {@code bindings[k]} of one list; the client sent roles first, then bindings. */
	private static DomainException asRequested(DomainException ex, int roles) {
		List<FieldViolation> violations = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			Matcher matcher = GRANT_FIELD.matcher(violation.field());
			String field = violation.field();
			if (matcher.matches()) {
				int index = Integer.parseInt(matcher.group(1));
				field = index < roles ? "roles[" + index + "]"
						: "bindings[" + (index - roles) + "]" + (matcher.group(2) == null ? "" : matcher.group(2));
			}
			violations.add(new FieldViolation(field, violation.rule(), violation.message()));
		}
		return new DomainException(ex.kind(), ex.code(), ex.getMessage(), violations);
	}
}
