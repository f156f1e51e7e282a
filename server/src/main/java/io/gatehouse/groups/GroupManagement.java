package io.gatehouse.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.Actions;
import io.gatehouse.access.Binding;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.RoleDefinition;
import io.gatehouse.access.UserAssignmentLock;
import io.gatehouse.access.UserStatusSource;
import io.gatehouse.roles.Area;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Counts;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequiredText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups, their members and their permission profiles. A profile counts as a binding of the group at the instance,
 * so writing one is held to the same rule as binding a role there: nobody grants what they do not hold.
 */
@Service
@Transactional
public class GroupManagement {

	static final int NAME_MAX = 100;

	static final int DESCRIPTION_MAX = 255;

	/**
	 * "Create Default Reseller": read the workspaces, manage projects and environments, read users. Only
	 * granular entries, so the global CRUD does not apply; editable afterwards like any profile.
	 */
	static final GroupProfile DEFAULT_RESELLER = new GroupProfile(Actions.CRUD,
			Map.of("workspaces", Set.of("read"), "projects", Actions.CRUD, "environments", Actions.CRUD, "resources",
					Actions.CRUD, "users", Set.of("read")));

	private final AccessControl access;

	private final GroupStore groups;

	private final PermissionCatalog areas;

	private final UserStatusSource users;

	private final UserAssignmentLock lock;

	private final AccessModel model;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GroupManagement(AccessControl access, GroupStore groups, PermissionCatalog areas,
			UserStatusSource users, UserAssignmentLock lock, AccessModel model,
			ApplicationEventPublisher events, Clock clock) {
		this.lock = lock;
		this.access = access;
		this.groups = groups;
		this.areas = areas;
		this.users = users;
		this.model = model;
		this.events = events;
		this.clock = clock;
	}

	public Group create(Actor actor, String name, String description, GroupProfile profile) {
		access.require(actor, Permissions.GROUPS_CREATE);
		String clean = checkName(name, null);
		RequiredText.atMost("description", description, DESCRIPTION_MAX);
		checkProfile(actor, profile);
		Instant now = clock.instant();
		Group group = new Group(UUID.randomUUID(), clean, description, profile, now, now, 1);
		try {
			groups.insert(group);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken();
		}
		events.publishEvent(new GroupChanged(actor, "group.created", group.id(), group.name(), null));
		return group;
	}

	/** Template; several can exist, so the name gets a number when taken. */
	public Group createDefaultReseller(Actor actor, String name) {
		String base = name == null || name.isBlank() ? "Default Reseller" : name.strip();
		String candidate = base;
		for (int n = 2; groups.nameTaken(candidate, new UUID(0, 0)); n++) {
			candidate = base + " " + n;
		}
		return create(actor, candidate, "Created from the default reseller template", DEFAULT_RESELLER);
	}

	@Transactional(readOnly = true)
	public List<Group> list(Actor actor) {
		access.require(actor, Permissions.GROUPS_READ);
		return groups.all();
	}

	@Transactional(readOnly = true)
	public Group get(Actor actor, UUID id) {
		access.require(actor, Permissions.GROUPS_READ);
		return existing(id);
	}

	/** Replaces name, description and profile; a null profile removes it. */
	public Group update(Actor actor, UUID id, String name, String description, GroupProfile profile,
			Long expectedVersion) {
		access.require(actor, Permissions.GROUPS_UPDATE);
		Group current = existing(id);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale();
		}
		String clean = name == null ? current.name() : checkName(name, id);
		RequiredText.atMost("description", description, DESCRIPTION_MAX);
		checkProfile(actor, profile);
		if (current.profile() != null && !current.profile().equals(profile)) {
			// a narrower or removed profile takes access away from every member: held to the rule of granting it
			access.requireGrantable(actor, current.profile(), "change the permission profile of " + current.name());
		}
		Group updated = new Group(id, clean, description, profile, current.createdAt(), clock.instant(),
				current.version() + 1);
		boolean written;
		try {
			written = groups.update(updated, current.version());
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken();
		}
		if (!written) {
			throw stale();
		}
		events.publishEvent(new GroupChanged(actor, "group.updated", id, clean, null));
		return updated;
	}

	/** A group still bound to a role somewhere cannot be deleted: unbind it first. */
	public void delete(Actor actor, UUID id) {
		access.require(actor, Permissions.GROUPS_DELETE);
		Group group = existing(id);
		int bound = groups.bindingCount(id);
		if (bound > 0) {
			throw new DomainException(DomainException.Kind.CONFLICT, "group-still-bound",
					"The group still holds " + Counts.of(bound, "role binding", "role bindings")
							+ "; remove them first.");
		}
		if (group.profile() != null) {
			access.requireGrantable(actor, group.profile(), "delete " + group.name() + ", whose profile its members hold");
		}
		groups.delete(id);
		events.publishEvent(new GroupChanged(actor, "group.deleted", id, group.name(), null));
	}

	public void addMember(Actor actor, UUID groupId, UUID userId) {
		addMember(actor, groupId, userId, false);
	}

	/**
	 * A membership pushed by a provisioning client (SCIM): under external authorization it is the source of
	 * memberships, so the lock that stops people here does not stop it. Held to the same rule of granting.
	 */
	public void provisionMember(Actor actor, UUID groupId, UUID userId, boolean member) {
		// a provisioning client acts with its administrator's full right to grant (see its callers), which for a
		// System Administrator's client would reach other System Administrators: it never touches one
		if (userId != null && access.isSystemAdministrator(userId)) {
			throw DomainException.forbidden("system-administrator-not-provisioned",
					"A provisioning client does not change the groups of a System Administrator.");
		}
		if (member) {
			addMember(actor, groupId, userId, true);
		}
		else {
			removeMember(actor, groupId, userId, true);
		}
	}

	private void addMember(Actor actor, UUID groupId, UUID userId, boolean provisioned) {
		access.require(actor, Permissions.GROUPS_UPDATE);
		if (!provisioned) {
			lock.refuseChange(actor, "userId");
		}
		Group group = existing(groupId);
		if (userId == null || !users.exists(userId)) {
			throw DomainException.invalidField("userId", "exists", "is not a known user");
		}
		requireGrantable(actor, group, "add members to " + group.name());
		if (groups.addMember(groupId, userId, clock.instant())) {
			events.publishEvent(new GroupChanged(actor, "group.member-added", groupId, group.name(), userId));
		}
	}

	/**
	 * Taking someone out of a group takes away what the group grants them: the actor must hold it, and must be able
	 * to grant everything the member holds.
	 */
	public void removeMember(Actor actor, UUID groupId, UUID userId) {
		removeMember(actor, groupId, userId, false);
	}

	private void removeMember(Actor actor, UUID groupId, UUID userId, boolean provisioned) {
		access.require(actor, Permissions.GROUPS_UPDATE);
		if (!provisioned) {
			lock.refuseChange(actor, "userId");
		}
		Group group = existing(groupId);
		if (!groups.isMember(groupId, userId)) {
			return;
		}
		requireGrantable(actor, group, "remove members from " + group.name());
		access.requireAuthorityOver(actor, userId);
		if (groups.removeMember(groupId, userId)) {
			events.publishEvent(new GroupChanged(actor, "group.member-removed", groupId, group.name(), userId));
		}
	}

	@Transactional(readOnly = true)
	public List<UUID> members(Actor actor, UUID groupId) {
		access.require(actor, Permissions.GROUPS_READ);
		existing(groupId);
		return groups.members(groupId);
	}

	/** The groups a user is in; everyone may read their own. */
	@Transactional(readOnly = true)
	public List<UUID> groupsOf(Actor actor, UUID userId) {
		if (!actor.is(userId)) {
			access.require(actor, Permissions.GROUPS_READ);
			users.requireExisting(userId);
		}
		return groups.groupsOf(userId);
	}

	/** The Groups column of the users list: each user's group names, for a page of users at once. */
	@Transactional(readOnly = true)
	public Map<UUID, List<String>> groupNamesOf(Actor actor, java.util.Collection<UUID> userIds) {
		access.require(actor, Permissions.GROUPS_READ);
		return userIds.isEmpty() ? Map.of() : groups.groupNamesOf(userIds);
	}

	private void checkProfile(Actor actor, GroupProfile profile) {
		if (profile == null) {
			return;
		}
		Map<String, List<String>> declared = new java.util.HashMap<>();
		for (Area area : areas.areas()) {
			declared.put(area.name(), area.actions());
		}
		for (String action : profile.globalActions()) {
			if (!Actions.CRUD.contains(action)) {
				throw DomainException.invalidField("profile.globalActions", "one-of",
						"may hold only create, read, update and delete, not '" + action + "'");
			}
		}
		profile.granular().forEach((area, actions) -> {
			if (!declared.containsKey(area)) {
				throw DomainException.invalidField("profile.granular." + area, "unknown-area",
						"is not an area of the permission catalog; see GET /api/v1/permissions");
			}
			if (actions.isEmpty()) {
				// it would silently switch the Default Permissions off for every other area and grant nothing here
				throw DomainException.invalidField("profile.granular." + area, "not-empty",
						"grants no access; choose at least one action, or remove the entry");
			}
			for (String action : actions) {
				if (!declared.get(area).contains(action)) {
					throw DomainException.invalidField("profile.granular." + area, "unknown-action",
							"'" + action + "' is not an action of " + area);
				}
			}
		});
		access.requireGrantable(actor, profile, "give a group this permission profile");
	}

	/**
	 * Throws unless the group exists and the actor could put someone in it: a rule that puts people in a group later
	 * (an identity provider's mapping) is held to the rule of granting when it is made.
	 */
	@Transactional(readOnly = true)
	public void requireJoinable(Actor actor, UUID groupId, String field) {
		Group group = groupId == null ? null : groups.find(groupId).orElse(null);
		if (group == null) {
			throw DomainException.invalidField(field, "exists", "is not a known group; see GET /api/v1/groups");
		}
		requireGrantable(actor, group, "give members to " + group.name());
	}

	/** Whether the group still exists (a mapping to a deleted group is skipped). */
	@Transactional(readOnly = true)
	public boolean exists(UUID groupId) {
		return groups.find(groupId).isPresent();
	}

	/**
	 * Putting someone in a group hands them everything the group holds, and taking them out takes it away, so the
	 * actor must hold it too: otherwise {@code groups:update} alone would let anyone join a group bound to Admin.
	 */
	private void requireGrantable(Actor actor, Group group, String what) {
		for (Binding binding : model.bindingsOf(PrincipalType.GROUP, group.id())) {
			RoleDefinition role = model.role(binding.roleId());
			if (role != null) {
				access.requireGrantable(actor, role, binding.resourceId(), what);
			}
		}
		if (group.profile() != null) {
			access.requireGrantable(actor, group.profile(), what);
		}
	}

	private String checkName(String name, UUID self) {
		String clean = RequiredText.check("name", name, NAME_MAX);
		if (groups.nameTaken(clean, self == null ? new UUID(0, 0) : self)) {
			throw nameTaken();
		}
		return clean;
	}

	/** Also when the unique constraint finds what the check above missed: a group named so a moment ago. */
	private static DomainException nameTaken() {
		return DomainException.conflict("group-name-taken", "A group with this name already exists.", "name");
	}

	private Group existing(UUID id) {
		return groups.find(id).orElseThrow(() -> DomainException.notFound("group-not-found", "No group has this id."));
	}

	private static DomainException stale() {
		return DomainException.versionMismatch("group");
	}
}
