package io.gatehouse.resources;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.access.UserStatusSource;
import io.gatehouse.roles.CatalogManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequiredText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource tree the host platform keeps in Gatehouse: create, read, rename, move, delete, transfer ownership.
 * A resource the actor may not read answers as unknown, so ids cannot be probed.
 */
@Service
@Transactional
public class ResourceManagement {

	static final int NAME_MAX = 200;

	static final int EXTERNAL_ID_MAX = 255;

	private final AccessControl access;

	private final ResourceStore resources;

	private final AccessModel model;

	private final CatalogManagement catalog;

	private final UserStatusSource users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ResourceManagement(AccessControl access, ResourceStore resources, AccessModel model, CatalogManagement catalog,
			UserStatusSource users, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.resources = resources;
		this.model = model;
		this.catalog = catalog;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a resource under {@code parentId} (the instance when null), owned by the actor unless named. */
	public Resource create(Actor actor, String type, String name, UUID parentId, UUID ownerId, String externalId) {
		UUID parent = parentId == null ? Resources.INSTANCE : parentId;
		if (resources.find(parent).isEmpty()) {
			throw DomainException.invalidField("parentId", "exists", "is not a known resource");
		}
		access.require(actor, Permissions.RESOURCES_CREATE, parent);
		if (type == null || type.isBlank()) {
			throw DomainException.invalidField("type", "required", "is required");
		}
		if (!catalog.creatableType(type)) {
			throw DomainException.invalidField("type", "exists",
					"is not a resource type that can be created; see GET /api/v1/resource-types");
		}
		String cleanName = checkName(name);
		RequiredText.atMost("externalId", externalId, EXTERNAL_ID_MAX);
		UUID owner = ownerId == null ? actor.userId() : ownerId;
		if (owner != null && !users.isActive(owner)) {
			throw DomainException.invalidField("ownerId", "active-user", "must be an active user");
		}
		if (owner != null && !actor.is(owner)) {
			// owning is Admin there; until it exists, the actor holds at the new resource what they hold at its parent
			access.requireOwnershipGrant(actor, parent, "make someone else the owner, Admin of what you create here");
		}
		Instant now = clock.instant();
		Resource resource = new Resource(UUID.randomUUID(), type, cleanName, parent, owner, externalId, now, now, 1);
		resources.insert(resource);
		events.publishEvent(new ResourceChanged(actor, "resource.created", resource));
		return resource;
	}

	@Transactional(readOnly = true)
	public Resource get(Actor actor, UUID id) {
		return readable(actor, id);
	}

	@Transactional(readOnly = true)
	public List<Resource> children(Actor actor, UUID id) {
		readable(actor, id);
		return resources.children(id)
			.stream()
			.filter(child -> access.allows(actor, Permissions.RESOURCES_READ, child.id()))
			.toList();
	}

	/** Renames and/or moves a resource; a move needs the right to create under both the old and the new parent. */
	public Resource update(Actor actor, UUID id, String name, UUID newParentId, Long expectedVersion) {
		Resource current = readable(actor, id);
		access.require(actor, Permissions.RESOURCES_UPDATE, id);
		checkVersion(current, expectedVersion);
		String newName = name == null ? current.name() : checkName(name);
		UUID parent = current.parentId();
		if (newParentId != null && !newParentId.equals(current.parentId())) {
			if (Resources.INSTANCE.equals(id)) {
				throw DomainException.invalidField("parentId", "root", "the instance cannot be moved");
			}
			List<UUID> path = model.pathToRoot(newParentId);
			if (path.isEmpty()) {
				throw DomainException.invalidField("parentId", "exists", "is not a known resource");
			}
			if (path.contains(id)) {
				throw DomainException.invalidField("parentId", "cycle",
						"would put the resource under itself; choose a parent outside its subtree");
			}
			// the right on both sides: taking a resource out of a parent takes it from whoever holds the parent
			access.require(actor, Permissions.RESOURCES_CREATE, current.parentId());
			access.require(actor, Permissions.RESOURCES_CREATE, newParentId);
			access.requireMove(actor, id, newParentId);
			parent = newParentId;
		}
		Resource updated = new Resource(id, current.type(), newName, parent, current.ownerId(), current.externalId(),
				current.createdAt(), clock.instant(), current.version() + 1);
		write(updated, current.version());
		events.publishEvent(new ResourceChanged(actor,
				Objects.equals(parent, current.parentId()) ? "resource.renamed" : "resource.moved", updated));
		return updated;
	}

	/**
	 * Ownership passes to another active user, who becomes Admin there: a grant of Admin, and the old owner's taken
	 * away, so the actor must be able to grant Admin there.
	 */
	public Resource transferOwnership(Actor actor, UUID id, UUID newOwner, Long expectedVersion) {
		Resource current = readable(actor, id);
		access.require(actor, Permissions.RESOURCES_UPDATE, id);
		checkVersion(current, expectedVersion);
		if (newOwner == null || !users.isActive(newOwner)) {
			throw DomainException.invalidField("ownerId", "active-user", "must be an active user");
		}
		access.requireOwnershipGrant(actor, id, "transfer the ownership of this resource, Admin there");
		Resource updated = new Resource(id, current.type(), current.name(), current.parentId(), newOwner,
				current.externalId(), current.createdAt(), clock.instant(), current.version() + 1);
		write(updated, current.version());
		events.publishEvent(new ResourceChanged(actor, "resource.owner-transferred", updated));
		return updated;
	}

	/** Deletes a leaf resource and the bindings on it; a resource with children must be emptied first. */
	public void delete(Actor actor, UUID id) {
		Resource current = readable(actor, id);
		access.require(actor, Permissions.RESOURCES_DELETE, id);
		if (Resources.INSTANCE.equals(id)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "resource-is-root", "The instance cannot be deleted.");
		}
		if (!resources.children(id).isEmpty()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "resource-has-children",
					"The resource still has child resources; move or delete them first.");
		}
		resources.delete(id);
		events.publishEvent(new ResourceChanged(actor, "resource.deleted", current));
	}

	/** The resources a user owns: what must be handed over before the user can be deleted. */
	@Transactional(readOnly = true)
	public List<Resource> ownedBy(UUID userId) {
		return resources.ownedBy(userId);
	}

	/**
	 * Refuses what {@link #get} refuses, from the cached access graph instead of a read of the row: for the checks
	 * made before writing under a resource (a binding), where the resource's foreign key still refuses a resource
	 * another node deleted a moment ago.
	 */
	void requireReadable(Actor actor, UUID id) {
		if (!access.resourceExists(id) || !access.allows(actor, Permissions.RESOURCES_READ, id)) {
			throw notFound();
		}
	}

	private Resource readable(Actor actor, UUID id) {
		Resource resource = resources.find(id).orElse(null);
		if (resource == null || !access.allows(actor, Permissions.RESOURCES_READ, id)) {
			throw notFound();
		}
		return resource;
	}

	private static DomainException notFound() {
		return DomainException.notFound("resource-not-found", "No resource has this id.");
	}

	private static String checkName(String name) {
		return RequiredText.check("name", name, NAME_MAX);
	}

	private static void checkVersion(Resource current, Long expectedVersion) {
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale();
		}
	}

	private void write(Resource updated, long expectedVersion) {
		if (!resources.update(updated, expectedVersion)) {
			throw stale();
		}
	}

	private static DomainException stale() {
		return DomainException.versionMismatch("resource");
	}
}
