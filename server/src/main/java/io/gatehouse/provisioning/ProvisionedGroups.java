package io.gatehouse.provisioning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups as SCIM clients push them: a name and members. Their roles and permission profile are bound in Gatehouse,
 * which is how the identity provider's groups map onto permissions.
 */
@Service
@Transactional
public class ProvisionedGroups {

	private final AccessControl access;

	private final GroupManagement groups;

	private final ProvisionedGroupStore store;

	private final ApplicationEventPublisher events;

	ProvisionedGroups(AccessControl access, GroupManagement groups, ProvisionedGroupStore store,
			ApplicationEventPublisher events) {
		this.events = events;
		this.access = access;
		this.groups = groups;
		this.store = store;
	}

	@Transactional(readOnly = true)
	public Optional<ProvisionedGroup> get(Actor actor, UUID id) {
		access.require(actor, Permissions.GROUPS_READ);
		if (store.count(new ScimFilterSql.Condition("g.id = ?", List.of(id))) == 0) {
			return Optional.empty();
		}
		return Optional.of(load(actor, id));
	}

	@Transactional(readOnly = true)
	public ProvisionedGroupPage search(Actor actor, Filter filter, String sortBy, boolean descending, int startIndex,
			int count) throws ScimException {
		access.require(actor, Permissions.GROUPS_READ);
		ScimFilterSql.Condition where = filter == null ? null : ScimFilterSql.translateGroups(filter);
		long total = store.count(where);
		List<UUID> ids = count == 0 ? List.of()
				: store.ids(where, ScimFilterSql.orderGroupsBy(sortBy), descending, Math.max(startIndex, 1) - 1, count);
		return new ProvisionedGroupPage(total, ids.stream().map(id -> load(actor, id)).toList());
	}

	/** @param externalId the client's own id of the group, kept as sent; null for none */
	public ProvisionedGroup create(Actor actor, String displayName, String externalId, List<UUID> members) {
		Group group = groups.create(actor, displayName, null, null);
		String cleanExternalId = externalId(externalId);
		if (cleanExternalId != null) {
			store.saveExternalId(group.id(), cleanExternalId);
			events.publishEvent(new ProvisionedGroupExternalIdChanged(actor, group.id(), cleanExternalId));
		}
		for (UUID member : new LinkedHashSet<>(members)) {
			groups.provisionMember(granting(actor), group.id(), member, true);
		}
		return load(actor, group.id());
	}

	/**
	 * Makes the group what the client says (a PUT, or a PATCH applied): renamed when the name differs, members added
	 * and removed to match. Nothing is written, and nothing audited, when nothing differs.
	 *
	 * @param current the group as the client's request found it (read by {@link #get}), not read again
	 * @param ifMatch the version the client last saw ({@code If-Match}); null to skip the check
	 */
	public ProvisionedGroup replace(Actor actor, ProvisionedGroup current, String displayName, String externalId,
			List<UUID> members, String ifMatch) {
		access.require(actor, Permissions.GROUPS_UPDATE);
		IfMatch.check(ifMatch, current.version(), "group");
		Group group = current.group();
		UUID id = group.id();
		if (displayName != null && !displayName.strip().equals(group.name())) {
			groups.update(actor, id, displayName, group.description(), group.profile(), group.version());
		}
		String wantedExternalId = externalId(externalId);
		if (!Objects.equals(wantedExternalId, current.externalId())) {
			store.saveExternalId(id, wantedExternalId);
			events.publishEvent(new ProvisionedGroupExternalIdChanged(actor, id, wantedExternalId));
		}
		Set<UUID> wanted = new LinkedHashSet<>(members);
		for (UUID member : current.members()) {
			if (!wanted.contains(member)) {
				groups.provisionMember(granting(actor), id, member, false);
			}
		}
		for (UUID member : wanted) {
			if (!current.members().contains(member)) {
				groups.provisionMember(granting(actor), id, member, true);
			}
		}
		return load(actor, id);
	}

	/** @param current the group as the client's request found it (read by {@link #get}) */
	public void delete(Actor actor, ProvisionedGroup current, String ifMatch) {
		access.require(actor, Permissions.GROUPS_DELETE);
		IfMatch.check(ifMatch, current.version(), "group");
		groups.delete(actor, current.group().id());
	}

	/**
	 * Joining a group hands over the roles an administrator bound to it: that is the grant of the client's
	 * administrator, so it is held to everything they could grant (the client's own scope covers only users and
	 * groups, and would refuse any group with a role). Never more than that administrator holds.
	 */
	private static Actor granting(Actor actor) {
		return new Actor(actor.userId(), actor.username(), actor.clientIp(), actor.sessionId(), null);
	}

	/** Always with its members: they are part of the version, whether the client asked for them or not. */
	private ProvisionedGroup load(Actor actor, UUID id) {
		return new ProvisionedGroup(groups.get(actor, id), groups.members(actor, id),
				store.externalId(id).orElse(null));
	}

	private static String externalId(String externalId) {
		if (externalId == null || externalId.isBlank()) {
			return null;
		}
		if (externalId.length() > 255) {
			throw DomainException.invalidField("externalId", "length", "must be at most 255 characters");
		}
		return externalId;
	}
}
