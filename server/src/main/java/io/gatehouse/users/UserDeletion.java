package io.gatehouse.users;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.groups.PrincipalRemoval;
import io.gatehouse.mail.Outbox;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a user for good, where the instance allows it ({@code gatehouse.users.delete}) and the user owns
 * nothing. The account row stays as a scrubbed tombstone with status {@code deleted}, so the audit log's actor ids
 * still point somewhere; everything personal and every credential goes.
 */
@Service
@Transactional
public class UserDeletion {

	private final AccessControl access;

	private final UserStore users;

	private final AccountStore accounts;

	private final LinkStore links;

	private final InvitationStore invitations;

	private final ResourceManagement resources;

	private final PrincipalRemoval principals;

	private final Outbox outbox;

	private final AccountRuleSettings rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserDeletion(AccessControl access, UserStore users, AccountStore accounts, LinkStore links,
			InvitationStore invitations, ResourceManagement resources, PrincipalRemoval principals, Outbox outbox,
			AccountRuleSettings rules, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.users = users;
		this.accounts = accounts;
		this.links = links;
		this.invitations = invitations;
		this.resources = resources;
		this.principals = principals;
		this.outbox = outbox;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	public void delete(Actor actor, UUID id) {
		access.require(actor, Permissions.USERS_DELETE);
		User user = users.findLive(id).orElseThrow(UserStore::notFound);
		DeletionRule.check(rules.deletePolicy(), actor, id);
		// the rule of granting applies to taking away: else an instance Admin could remove a System Administrator
		access.requireAuthorityOver(actor, id);
		access.refuseRemovingLastSystemAdministrator(id);
		List<Resource> owned = resources.ownedBy(id);
		if (!owned.isEmpty()) {
			throw new UserOwnsResources(owned);
		}
		erase(actor, user, false);
	}

	/** Also the end of a cancelled invitation, whatever the delete setting: a pending user never had an account. */
	void erase(Actor actor, User user, boolean invitation) {
		principals.removeUser(actor, user.id());
		links.deleteAllOf(user.id());
		invitations.delete(user.id());
		outbox.forgetRecipient(user.email());
		accounts.scrub(user.id(), clock.instant());
		// sessions and tokens go with this event, in this transaction
		events.publishEvent(new UserDeleted(actor, user.id(), invitation));
	}
}
