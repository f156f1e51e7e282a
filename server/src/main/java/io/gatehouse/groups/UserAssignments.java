package io.gatehouse.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.Binding;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.Resources;
import io.gatehouse.access.UserAssignmentLock;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequestLocations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's groups and direct role bindings, given as a whole on the user form rather than one
 * binding at a time. Each grant goes through the same checks as the single operations, escalation included, and runs
 * in the caller's transaction: one refused grant leaves no user, no membership and no binding behind.
 */
@Service
@Transactional
public class UserAssignments {

	private final BindingManagement bindings;

	private final AccessModel model;

	private final GroupManagement groups;

	private final GroupStore groupStore;

	private final UserAssignmentLock lock;

	private final AccessControl access;

	UserAssignments(BindingManagement bindings, AccessModel model, GroupManagement groups,
			GroupStore groupStore, UserAssignmentLock lock, AccessControl access) {
		this.lock = lock;
		this.access = access;
		this.bindings = bindings;
		this.model = model;
		this.groups = groups;
		this.groupStore = groupStore;
	}

	/** Gives a new user their groups and roles. */
	public void grant(Actor actor, UUID userId, List<UUID> groupIds, List<RoleGrant> grants) {
		List<UUID> wantedGroups = groupIds == null ? List.of() : groupIds;
		if (!wantedGroups.isEmpty()) {
			lock.refuseChange(actor, "groups");
		}
		for (int i = 0; i < wantedGroups.size(); i++) {
			addToGroup(actor, userId, wantedGroups.get(i), "groups[" + i + "]");
		}
		List<RoleGrant> wantedGrants = grants == null ? List.of() : grants;
		if (!wantedGrants.isEmpty()) {
			lock.refuseChange(actor, "bindings");
		}
		Set<RoleGrant> seen = new LinkedHashSet<>();
		for (int i = 0; i < wantedGrants.size(); i++) {
			RoleGrant grant = normalized(wantedGrants.get(i));
			if (seen.add(grant)) {
				bind(actor, userId, grant, "bindings[" + i + "]");
			}
		}
	}

	/**
	 * Makes the user's groups and direct bindings exactly these; {@code null} leaves that part alone. Only the
	 * difference is applied, so keeping a role one could not grant oneself is not an escalation.
	 */
	public void replace(Actor actor, UUID userId, List<UUID> groupIds, List<RoleGrant> grants) {
		if (groupIds != null) {
			Set<UUID> current = new LinkedHashSet<>(groupStore.groupsOf(userId));
			if (!current.equals(new LinkedHashSet<>(groupIds))) {
				lock.refuseChange(actor, "groups");
			}
			for (UUID group : current) {
				if (!groupIds.contains(group)) {
					groups.removeMember(actor, group, userId);
				}
			}
			for (int i = 0; i < groupIds.size(); i++) {
				if (!current.contains(groupIds.get(i))) {
					addToGroup(actor, userId, groupIds.get(i), "groups[" + i + "]");
				}
			}
		}
		if (grants != null) {
			List<Binding> current = model.bindingsOf(PrincipalType.USER, userId);
			List<RoleGrant> wanted = new ArrayList<>();
			for (RoleGrant grant : grants) {
				wanted.add(normalized(grant));
			}
			Set<RoleGrant> holding = new LinkedHashSet<>();
			current.forEach(binding -> holding.add(new RoleGrant(binding.roleId(), binding.resourceId())));
			if (!holding.equals(new LinkedHashSet<>(wanted))) {
				lock.refuseChange(actor, "bindings");
			}
			for (Binding binding : current) {
				if (!wanted.contains(new RoleGrant(binding.roleId(), binding.resourceId()))) {
					bindings.unbind(actor, binding.id());
				}
			}
			Set<RoleGrant> seen = new LinkedHashSet<>();
			for (int i = 0; i < wanted.size(); i++) {
				RoleGrant grant = wanted.get(i);
				boolean held = current.stream()
					.anyMatch(b -> b.roleId().equals(grant.roleId()) && b.resourceId().equals(grant.resourceId()));
				if (!held && seen.add(grant)) {
					bind(actor, userId, grant, "bindings[" + i + "]");
				}
			}
		}
	}

	/**
	 * Gives the user one more direct role, keeping the ones they hold (a bulk role change of the users list). It acts
	 * on a person, so beside the rule of granting the role, the actor must be able to grant everything the user holds.
	 */
	public void addRole(Actor actor, UUID userId, RoleGrant grant) {
		access.require(actor, Permissions.USERS_UPDATE);
		access.requireAuthorityOver(actor, userId);
		RoleGrant wanted = normalized(grant);
		if (!holds(userId, wanted)) {
			bind(actor, userId, wanted, "role");
		}
	}

	/** Takes one direct role from the user, if they hold it there; under the same rules as {@link #addRole}. */
	public void removeRole(Actor actor, UUID userId, RoleGrant grant) {
		access.require(actor, Permissions.USERS_UPDATE);
		access.requireAuthorityOver(actor, userId);
		RoleGrant wanted = normalized(grant);
		for (Binding binding : model.bindingsOf(PrincipalType.USER, userId)) {
			if (binding.roleId().equals(wanted.roleId()) && binding.resourceId().equals(wanted.resourceId())) {
				bindings.unbind(actor, binding.id());
			}
		}
	}

	private boolean holds(UUID userId, RoleGrant grant) {
		return model.bindingsOf(PrincipalType.USER, userId)
			.stream()
			.anyMatch(b -> b.roleId().equals(grant.roleId()) && b.resourceId().equals(grant.resourceId()));
	}

	private void addToGroup(Actor actor, UUID userId, UUID groupId, String field) {
		if (groupId == null || !model.groupExists(groupId)) {
			throw DomainException.invalidField(field, "exists", "is not a known group; see GET /api/v1/groups");
		}
		groups.addMember(actor, groupId, userId);
	}

	private void bind(Actor actor, UUID userId, RoleGrant grant, String field) {
		if (grant.roleId() == null) {
			throw DomainException.invalidField(field + ".roleId", "required", "is required");
		}
		try {
			bindings.bind(actor, PrincipalType.USER, userId, grant.roleId(), grant.resourceId());
		}
		catch (DomainException ex) {
			throw RequestLocations.located(ex, field);
		}
	}

	private static RoleGrant normalized(RoleGrant grant) {
		return new RoleGrant(grant == null ? null : grant.roleId(),
				grant == null ? Resources.INSTANCE : grant.resourceOrInstance());
	}
}
