package io.gatehouse.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.BindingManagement;
import io.gatehouse.access.GroupManagement;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.Resources;
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
 * Seed 004's invitation lifecycle: invite (a pending user, their groups and roles, and a mailed single-use link),
 * resend (a new link; the old one stops working), cancel (the pending user is deleted), accept (a password, a
 * verified email, and the user is active).
 */
@Service
@Transactional
public class Invitations {

	private final AccessControl access;

	private final UserManagement management;

	private final UserDeletion deletion;

	private final UserPasswords passwords;

	private final InvitationStore invitations;

	private final AccountStore accounts;

	private final UserRepository users;

	private final Links links;

	private final GroupManagement groups;

	private final BindingManagement bindings;

	private final Outbox outbox;

	private final InvitationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(AccessControl access, UserManagement management, UserDeletion deletion, UserPasswords passwords,
			InvitationStore invitations, AccountStore accounts, UserRepository users, Links links,
			GroupManagement groups, BindingManagement bindings, Outbox outbox, InvitationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.management = management;
		this.deletion = deletion;
		this.passwords = passwords;
		this.invitations = invitations;
		this.accounts = accounts;
		this.users = users;
		this.links = links;
		this.groups = groups;
		this.bindings = bindings;
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
		String email = UserRules.clean(invite.email());
		if (email != null && email.indexOf('@') > 0) {
			users.findByLogin(email)
				.map(UserRepository.UserWithPassword::user)
				.filter(user -> user.status() == UserStatus.PENDING)
				.ifPresent(user -> {
					throw new AlreadyInvited(user.id());
				});
		}
		User user = management.create(actor,
				new CreateUser(invite.username(), invite.email(), null, invite.firstName(), invite.lastName(), null, null,
						null, null, null),
				UserStatus.PENDING);
		for (int i = 0; i < invite.groups().size(); i++) {
			UUID group = invite.groups().get(i);
			String field = "groups[" + i + "]";
			if (group == null) {
				throw DomainException.invalidField(field, "required", "is required");
			}
			relabel(field, () -> groups.addMember(actor, group, user.id()));
		}
		for (int i = 0; i < invite.roles().size(); i++) {
			UUID role = invite.roles().get(i);
			String field = "roles[" + i + "]";
			if (role == null) {
				throw DomainException.invalidField(field, "required", "is required");
			}
			relabel(field, () -> bindings.bind(actor, PrincipalType.USER, user.id(), role, Resources.INSTANCE));
		}
		for (int i = 0; i < invite.bindings().size(); i++) {
			Invite.RoleAt binding = invite.bindings().get(i);
			String field = "bindings[" + i + "]";
			if (binding == null || binding.role() == null) {
				throw DomainException.invalidField(field + ".role", "required", "is required");
			}
			UUID resource = binding.resource() == null ? Resources.INSTANCE : binding.resource();
			relabel(field, () -> bindings.bind(actor, PrincipalType.USER, user.id(), binding.role(), resource));
		}
		Instant now = clock.instant();
		Instant expiresAt = now.plus(settings.expiry());
		invitations.insert(user.id(), actor.userId(), actor.username(), now, expiresAt);
		send(actor, user, expiresAt);
		events.publishEvent(new UserInvited(actor, user.id(), invite.groups().size(),
				invite.roles().size() + invite.bindings().size()));
		return new Invitation(user, actor.username(), now, expiresAt, 1);
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
		Instant expiresAt = clock.instant().plus(settings.expiry());
		invitations.resent(userId, expiresAt);
		send(actor, invitation.user(), expiresAt);
		events.publishEvent(new InvitationResent(actor, userId));
		return new Invitation(invitation.user(), invitation.invitedBy(), invitation.invitedAt(), expiresAt,
				invitation.sentCount() + 1);
	}

	/** Seed 004: cancelling an invitation deletes the pending user. */
	public void cancel(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_DELETE);
		Invitation invitation = existing(userId);
		deletion.erase(actor, invitation.user(), true);
	}

	/** The invited person chooses a password with the mailed link; signing in works from then on. */
	public User accept(Actor anonymous, String token, String password) {
		Link link = links.use(token, clock.instant(), Link.Purpose.INVITATION);
		User user = users.findLive(link.userId())
			.filter(found -> found.status() == UserStatus.PENDING)
			.orElseThrow(Links::invalid);
		if (password == null || password.isEmpty()) {
			throw DomainException.invalidField("password", "required", "is required");
		}
		String hash = passwords.checkAndHash("password", password, user.username(), user.email());
		if (!accounts.activateInvited(user.id(), hash, clock.instant())) {
			throw Links.invalid();
		}
		invitations.delete(user.id());
		Actor actor = new Actor(user.id(), user.username(), anonymous.clientIp(), null, null);
		events.publishEvent(new InvitationAccepted(actor, user.id()));
		return users.findLive(user.id()).orElseThrow();
	}

	private void send(Actor actor, User user, Instant expiresAt) {
		String secret = links.issue(user.id(), Link.Purpose.INVITATION, user.email(), clock.instant(), expiresAt);
		outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.INVITATION,
				Map.of("username", user.username(), "invitedBy", actor.username() == null ? "An administrator"
						: actor.username(), "link", "/invitations/accept?token=" + secret, "expiresAt",
						MailDates.format(expiresAt))));
	}

	private Invitation existing(UUID userId) {
		return invitations.find(userId)
			.orElseThrow(() -> DomainException.notFound("invitation-not-found", "No pending invitation has this id."));
	}

	/** Failures of the access module name its own fields; the client sent {@code groups[i]} and {@code bindings[i]}. */
	private static void relabel(String field, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException ex) {
			if (ex.violations().isEmpty()) {
				throw new DomainException(ex.kind(), ex.code(), field + ": " + ex.getMessage());
			}
			List<FieldViolation> violations = new ArrayList<>();
			for (FieldViolation violation : ex.violations()) {
				String part = field.startsWith("roles") ? "" : switch (violation.field()) {
					case "roleId" -> ".role";
					case "resourceId", "parentId" -> ".resource";
					default -> "";
				};
				violations.add(new FieldViolation(field + part, violation.rule(), violation.message()));
			}
			throw new DomainException(ex.kind(), ex.code(), field + ": " + ex.getMessage(), violations);
		}
	}
}
