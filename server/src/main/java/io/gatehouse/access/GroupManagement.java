package io.gatehouse.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequiredText;
import org.springframework.context.ApplicationEventPublisher;
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
	 * Seed 002's "Create Default Reseller": read the workspaces, manage projects and environments, read users. Only
	 * granular entries, so the global CRUD does not apply; editable afterwards like any profile.
	 */
	static final GroupProfile DEFAULT_RESELLER = new GroupProfile(Actions.CRUD,
			Map.of("workspaces", Set.of("read"), "projects", Actions.CRUD, "environments", Actions.CRUD, "resources",
					Actions.CRUD, "users", Set.of("read")));

	private final AccessControl access;

	private final GroupStore groups;

	private final PermissionCatalog catalog;

	private final CatalogStore areas;

	private final UserStatusSource users;

	private final UserAssignmentLock lock;

	private final BindingStore bindings;

	private final AccessGraphStore graph;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GroupManagement(AccessControl access, GroupStore groups, PermissionCatalog catalog, CatalogStore areas,
			UserStatusSource users, UserAssignmentLock lock, BindingStore bindings, AccessGraphStore graph,
			ApplicationEventPublisher events, Clock clock) {
		this.lock = lock;
		this.access = access;
		this.groups = groups;
		this.catalog = catalog;
		this.areas = areas;
		this.users = users;
		this.bindings = bindings;
		this.graph = graph;
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
		groups.insert(group);
		events.publishEvent(new GroupChanged(actor, "group.created", group.id(), group.name(), null));
		return group;
	}

	/** Seed 002's template; several can exist, so the name gets a number when taken. */
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
		Group updated = new Group(id, clean, description, profile, current.createdAt(), clock.instant(),
				current.version() + 1);
		if (!groups.update(updated, current.version())) {
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
					"The group still holds " + bound + " role binding(s); remove them first.");
		}
		groups.delete(id);
		events.publishEvent(new GroupChanged(actor, "group.deleted", id, group.name(), null));
	}

	public void addMember(Actor actor, UUID groupId, UUID userId) {
		access.require(actor, Permissions.GROUPS_UPDATE);
		lock.refuseChange(actor, "userId");
		Group group = existing(groupId);
		if (userId == null || !users.exists(userId)) {
			throw DomainException.invalidField("userId", "exists", "is not a known user");
		}
		preventEscalationByMembership(actor, group);
		if (groups.addMember(groupId, userId, clock.instant())) {
			events.publishEvent(new GroupChanged(actor, "group.member-added", groupId, group.name(), userId));
		}
	}

	public void removeMember(Actor actor, UUID groupId, UUID userId) {
		access.require(actor, Permissions.GROUPS_UPDATE);
		lock.refuseChange(actor, "userId");
		Group group = existing(groupId);
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
		}
		return groups.groupsOf(userId);
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
			for (String action : actions) {
				if (!declared.get(area).contains(action)) {
					throw DomainException.invalidField("profile.granular." + area, "unknown-action",
							"'" + action + "' is not an action of " + area);
				}
			}
		});
		for (Permission permission : catalog.grantedByProfile(profile)) {
			if (!access.allows(actor, permission.toString())) {
				throw DomainException.forbidden("privilege-escalation",
						"You cannot give a group " + permission + ", which you do not hold on the instance.");
			}
		}
	}

	/**
	 * Putting someone in a group hands them everything the group holds, so the actor must hold it too: otherwise
	 * {@code groups:update} alone would let anyone join a group bound to Admin.
	 */
	private void preventEscalationByMembership(Actor actor, Group group) {
		for (Binding binding : bindings.of(PrincipalType.GROUP, group.id())) {
			RoleDefinition role = BuiltInRoles.byId(binding.roleId());
			if (role == null) {
				role = graph.customRoles().get(binding.roleId());
			}
			if (role == null) {
				continue;
			}
			for (Permission permission : catalog.grantedBy(role)) {
				if (!access.allows(actor, permission.toString(), binding.resourceId())) {
					throw DomainException.forbidden("privilege-escalation", "You cannot add members to " + group.name()
							+ ": it grants " + permission + ", which you do not hold there.");
				}
			}
		}
		if (group.profile() != null) {
			for (Permission permission : catalog.grantedByProfile(group.profile())) {
				if (!access.allows(actor, permission.toString())) {
					throw DomainException.forbidden("privilege-escalation", "You cannot add members to " + group.name()
							+ ": its profile grants " + permission + ", which you do not hold on the instance.");
				}
			}
		}
	}

	private String checkName(String name, UUID self) {
		String clean = RequiredText.check("name", name, NAME_MAX);
		if (groups.nameTaken(clean, self == null ? new UUID(0, 0) : self)) {
			throw DomainException.conflict("group-name-taken", "A group with this name already exists.", "name");
		}
		return clean;
	}

	private Group existing(UUID id) {
		return groups.find(id).orElseThrow(() -> DomainException.notFound("group-not-found", "No group has this id."));
	}

	private static DomainException stale() {
		return DomainException.versionMismatch("group");
	}
}
