package io.gatehouse.resources;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.Binding;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.Resources;
import io.gatehouse.access.RoleDefinition;
import io.gatehouse.access.UserAssignmentLock;
import io.gatehouse.access.UserStatusSource;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequestLocations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binds roles to users and groups on resources. Managing the bindings of a resource takes {@code roles:update}
 * there, and nobody can bind a role that grants anything they do not hold at that resource themselves.
 */
@Service
@Transactional
public class BindingManagement {

	private final AccessControl access;

	private final BindingStore bindings;

	private final ResourceManagement resources;

	private final AccessModel model;

	private final UserStatusSource users;

	private final UserAssignmentLock lock;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BindingManagement(AccessControl access, BindingStore bindings, ResourceManagement resources,
			AccessModel model, UserStatusSource users, UserAssignmentLock lock,
			ApplicationEventPublisher events, Clock clock) {
		this.lock = lock;
		this.access = access;
		this.bindings = bindings;
		this.resources = resources;
		this.model = model;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	public Binding bind(Actor actor, PrincipalType principalType, UUID principalId, UUID roleId, UUID resourceId) {
		resources.requireReadable(actor, resourceId);
		access.require(actor, Permissions.ROLES_UPDATE, resourceId);
		if (principalType == null) {
			throw DomainException.invalidField("principalType", "one-of", "must be USER or GROUP");
		}
		if (principalType == PrincipalType.USER) {
			lock.refuseChange(actor, "principalId");
		}
		boolean known = principalId != null && (principalType == PrincipalType.USER ? users.exists(principalId)
				: model.groupExists(principalId));
		if (!known) {
			throw DomainException.invalidField("principalId", "exists", "is not a known " +
					principalType.name().toLowerCase(java.util.Locale.ROOT));
		}
		RoleDefinition role = roleId == null ? null : roleOf(roleId);
		if (role == null) {
			throw DomainException.invalidField("roleId", "exists", "is not a known role; see GET /api/v1/roles");
		}
		if (BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(roleId)) {
			if (!Resources.INSTANCE.equals(resourceId) || principalType != PrincipalType.USER) {
				throw DomainException.invalidField("roleId", "scope",
						"System Administrator is bound only to a user, on the instance");
			}
			try {
				access.grantSystemAdministrator(actor, principalId);
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.conflict("binding-exists", "This role is already bound to this principal here.", "roleId");
			}
			return bindingOfSystemAdministrator(principalId);
		}
		if (role.definedAt() != null
				&& !model.pathToRoot(resourceId).contains(role.definedAt())) {
			throw DomainException.invalidField("roleId", "scope",
					"is defined in another workspace and can only be bound inside it");
		}
		access.requireGrantable(actor, role, resourceId, "bind " + role.name() + " here");
		Binding binding = new Binding(UUID.randomUUID(), principalType, principalId, roleId, resourceId);
		try {
			bindings.insert(binding, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("binding-exists", "This role is already bound to this principal here.", "roleId");
		}
		catch (DataIntegrityViolationException ex) {
			// the checks above read the cached graph, which learns of another node's deletion within a second
			throw DomainException.conflict("binding-target-gone",
					"The role or the resource was deleted a moment ago; reload and try again.", null);
		}
		events.publishEvent(new BindingChanged(actor, "binding.created", binding));
		return binding;
	}

	/** One binding of a batch, as {@link #bindAll} takes it. */
	public record BindRequest(PrincipalType principalType, UUID principalId, UUID roleId, UUID resourceId) {
	}

	/**
	 * Applies every binding or none: the first refused one rolls the whole batch back and is named by its place,
	 * {@code bindings[3].roleId}.
	 */
	public List<Binding> bindAll(Actor actor, List<BindRequest> requests) {
		if (requests == null || requests.isEmpty()) {
			throw DomainException.invalidField("bindings", "required", "must hold at least one binding");
		}
		List<Binding> made = new java.util.ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			BindRequest request = requests.get(i);
			String field = "bindings[" + i + "]";
			if (request == null || request.resourceId() == null) {
				throw DomainException.invalidField(field + ".resourceId", "required", "is required");
			}
			try {
				made.add(bind(actor, request.principalType(), request.principalId(), request.roleId(),
						request.resourceId()));
			}
			catch (DomainException ex) {
				throw RequestLocations.located(ex, field);
			}
		}
		return made;
	}

	/**
	 * Taking a role away is held to the rule of granting it: the actor must hold what it grants there, and must be
	 * able to grant everything a user holds to remove one of theirs. The last active System Administrator stays.
	 */
	public void unbind(Actor actor, UUID bindingId) {
		Binding binding = bindings.find(bindingId)
			.orElseThrow(() -> DomainException.notFound("binding-not-found", "No binding has this id."));
		resources.get(actor, binding.resourceId());
		access.require(actor, Permissions.ROLES_UPDATE, binding.resourceId());
		if (binding.principalType() == PrincipalType.USER) {
			lock.refuseChange(actor, "principalId");
		}
		boolean systemAdministrator = BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(binding.roleId());
		if (systemAdministrator && actor.is(binding.principalId())) {
			throw new DomainException(DomainException.Kind.CONFLICT, "cannot-unbind-self",
					"You cannot remove your own System Administrator role; ask another one.");
		}
		RoleDefinition role = roleOf(binding.roleId());
		if (role != null) {
			access.requireGrantable(actor, role, binding.resourceId(), "remove " + role.name() + " here");
		}
		if (binding.principalType() == PrincipalType.USER) {
			access.requireAuthorityOver(actor, binding.principalId());
		}
		if (systemAdministrator) {
			access.refuseRemovingLastSystemAdministrator(binding.principalId());
		}
		bindings.delete(bindingId);
		events.publishEvent(new BindingChanged(actor, "binding.deleted", binding));
	}

	@Transactional(readOnly = true)
	public List<BindingView> at(Actor actor, UUID resourceId) {
		resources.get(actor, resourceId);
		access.require(actor, Permissions.ROLES_READ, resourceId);
		return bindings.at(resourceId);
	}

	/**
	 * Where a role is bound (the first {@code limit} bindings by resource name), as far as the caller may read the
	 * bindings of each resource: those they may not read are left out, not counted.
	 */
	@Transactional(readOnly = true)
	public List<BindingView> ofRole(Actor actor, UUID roleId, int limit) {
		access.require(actor, Permissions.ROLES_READ);
		return bindings.ofRole(roleId, limit)
			.stream()
			.filter(view -> access.allows(actor, Permissions.ROLES_READ, view.resourceId()))
			.toList();
	}

	/** The roles a user holds, directly and through groups; everyone may read their own. */
	@Transactional(readOnly = true)
	public List<BindingView> ofUser(Actor actor, UUID userId) {
		if (!actor.is(userId)) {
			access.require(actor, Permissions.USERS_READ);
			users.requireExisting(userId);
		}
		return bindings.ofUser(userId);
	}

	/** Removes the bindings of a user being deleted; how many there were. */
	public int removeAllOfDeletedUser(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_DELETE);
		return bindings.deleteOfUser(userId);
	}

	private RoleDefinition roleOf(UUID roleId) {
		return model.role(roleId);
	}

	private Binding bindingOfSystemAdministrator(UUID userId) {
		return bindings.ofUser(userId)
			.stream()
			.filter(view -> BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(view.roleId()))
			.map(view -> new Binding(view.id(), view.principalType(), view.principalId(), view.roleId(), view.resourceId()))
			.findFirst()
			.orElseThrow();
	}
}
