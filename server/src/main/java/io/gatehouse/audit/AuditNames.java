package io.gatehouse.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The names of what audit events point at (users, groups, roles, resources), read through each one's service, so a
 * reader sees a name only where they may read the thing. Something gone reads "(deleted)"; something the reader may
 * not read keeps its id. The console's log and every export ask here.
 */
@Component
public class AuditNames {

	/** What an id is called: {@code known} when it was read; {@code deleted} when it is gone. */
	public record Name(String text, boolean known, boolean deleted) {
	}

	private static final String DELETED = "(deleted)";

	private final AccessControl access;

	private final UserDirectory users;

	private final GroupManagement groups;

	private final PermissionCatalog roles;

	private final ResourceManagement resources;

	AuditNames(AccessControl access, UserDirectory users, GroupManagement groups, PermissionCatalog roles,
			ResourceManagement resources) {
		this.access = access;
		this.users = users;
		this.groups = groups;
		this.roles = roles;
		this.resources = resources;
	}

	/** Names for one request of one reader: each id looked up once. */
	public Lookup lookup(Actor reader) {
		return new Lookup(reader);
	}

	public final class Lookup {

		private final Actor reader;

		private final boolean readUsers;

		private final boolean readGroups;

		private final boolean readRoles;

		private final Map<String, Name> seen = new HashMap<>();

		Lookup(Actor reader) {
			this.reader = reader;
			this.readUsers = access.allows(reader, Permissions.USERS_READ);
			this.readGroups = access.allows(reader, Permissions.GROUPS_READ);
			this.readRoles = access.allows(reader, Permissions.ROLES_READ);
		}

		/** The name of the event's target, or {@code null} when its type has none (a token, a setting). */
		public Name target(AuditEvent e) {
			if (e.targetId() == null || e.targetType() == null) {
				return null;
			}
			return switch (e.targetType()) {
				case "user", "group", "role", "resource" -> name(e.targetType(), e.targetId());
				default -> null;
			};
		}

		/** The target's name as an export writes it: the name, "(deleted)" or the id. */
		public String targetText(AuditEvent e) {
			Name target = target(e);
			return target == null ? null : target.text();
		}

		/** @param kind {@code user}, {@code group}, {@code role} or {@code resource} */
		public Name name(String kind, String id) {
			UUID uuid = uuid(id);
			if (uuid == null) {
				return new Name(id, false, false);
			}
			return seen.computeIfAbsent(kind + ":" + id, key -> switch (kind) {
				case "user" -> read(readUsers, uuid, id, u -> users.get(reader, u).username(), DELETED);
				case "group" -> read(readGroups, uuid, id, g -> groups.get(reader, g).name(), DELETED);
				case "role" -> read(readRoles, uuid, id, r -> roles.role(reader, r).name(), DELETED);
				// a resource the reader may not read is "not found" too, so as not to confirm it exists
				case "resource" -> read(true, uuid, id, r -> resources.get(reader, r).name(),
						"(deleted or not visible to you)");
				default -> new Name(id, false, false);
			});
		}

		private static Name read(boolean allowed, UUID uuid, String id, Function<UUID, String> name, String gone) {
			if (!allowed) {
				return new Name(id, false, false);
			}
			try {
				return new Name(name.apply(uuid), true, false);
			}
			catch (DomainException ex) {
				return ex.kind() == DomainException.Kind.NOT_FOUND ? new Name(gone, false, true)
						: new Name(id, false, false);
			}
		}

		private static UUID uuid(String text) {
			if (text == null || text.length() != 36) {
				return null;
			}
			try {
				return UUID.fromString(text);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
	}
}
