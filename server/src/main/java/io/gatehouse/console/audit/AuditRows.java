package io.gatehouse.console.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.audit.AuditRow.Detail;
import io.gatehouse.console.audit.AuditRow.Named;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Turns the ids of audit events into names: users, groups, roles and resources, each read once per page through its
 * service, so the viewer sees a name only where they may read the thing. Something gone reads "(deleted)" and links
 * nowhere; something the viewer may not read keeps its id.
 */
@Component
public class AuditRows {

	// the details that hold an id, and what kind of thing it names
	private static final Map<String, String> ID_DETAILS = Map.of("owner", "user", "member", "user", "roleId", "role",
			"resourceId", "resource", "parent", "resource");

	private static final String DELETED = "(deleted)";

	private final AccessControl access;

	private final UserDirectory users;

	private final GroupManagement groups;

	private final PermissionCatalog roles;

	private final ResourceManagement resources;

	AuditRows(AccessControl access, UserDirectory users, GroupManagement groups, PermissionCatalog roles,
			ResourceManagement resources) {
		this.access = access;
		this.users = users;
		this.groups = groups;
		this.roles = roles;
		this.resources = resources;
	}

	public List<AuditRow> of(ConsoleUser me, List<AuditEvent> events) {
		Names names = names(me);
		return events.stream().map(names::row).toList();
	}

	/** Names for one request: each id looked up once. */
	public Names names(ConsoleUser me) {
		return new Names(me);
	}

	public final class Names {

		private final ConsoleUser me;

		private final boolean readUsers;

		private final boolean readGroups;

		private final boolean readRoles;

		private final boolean readAudit;

		private final Map<String, Named> seen = new HashMap<>();

		Names(ConsoleUser me) {
			this.me = me;
			this.readUsers = access.allows(me.actor(), Permissions.USERS_READ);
			this.readGroups = access.allows(me.actor(), Permissions.GROUPS_READ);
			this.readRoles = access.allows(me.actor(), Permissions.ROLES_READ);
			this.readAudit = access.allows(me.actor(), Permissions.AUDIT_READ);
		}

		AuditRow row(AuditEvent e) {
			List<Detail> details = new ArrayList<>();
			e.details().forEach((key, value) -> details.add(detail(e, key, value)));
			return new AuditRow(e, actor(e), target(e), List.copyOf(details));
		}

		/** The target's name for an export: the name alone, "(deleted)" or the id. */
		public String targetName(AuditEvent e) {
			Named target = target(e);
			return target == null ? null : target.name();
		}

		private Named actor(AuditEvent e) {
			if (e.actorId() == null) {
				return null;
			}
			Named user = named("user", e.actorId().toString());
			String name = e.actorUsername() == null ? user.name() : e.actorUsername();
			String link = readAudit ? "/console/audit?actor=" + e.actorId() : user.link();
			return new Named(user.deleted() ? name + " (deleted)" : name, link, user.deleted());
		}

		private Named target(AuditEvent e) {
			if (e.targetId() == null || e.targetType() == null) {
				return null;
			}
			return switch (e.targetType()) {
				case "user", "group", "role", "resource" -> named(e.targetType(), e.targetId());
				default -> null;
			};
		}

		private Detail detail(AuditEvent e, String key, Object value) {
			String text = String.valueOf(value);
			String kind = ID_DETAILS.get(key);
			if ("principalId".equals(key)) {
				kind = "GROUP".equals(String.valueOf(e.details().get("principalType"))) ? "group" : "user";
			}
			return new Detail(key, text, kind == null || "null".equals(text) ? null : named(kind, text));
		}

		private Named named(String kind, String id) {
			UUID uuid = uuid(id);
			if (uuid == null) {
				return new Named(id, null, false);
			}
			return seen.computeIfAbsent(kind + ":" + id, key -> switch (kind) {
				case "user" -> lookup(readUsers, uuid, id, u -> users.get(me.actor(), u).username(), "/console/users/",
						DELETED);
				case "group" -> lookup(readGroups, uuid, id, g -> groups.get(me.actor(), g).name(), "/console/groups/",
						DELETED);
				case "role" -> lookup(readRoles, uuid, id, r -> roles.role(me.actor(), r).name(), "/console/roles/",
						DELETED);
				// a resource the viewer may not read is "not found" too, so as not to confirm it exists
				case "resource" -> lookup(true, uuid, id, r -> resources.get(me.actor(), r).name(),
						"/console/resources/", "(deleted or not visible to you)");
				default -> new Named(id, null, false);
			});
		}

		private static Named lookup(boolean allowed, UUID uuid, String id, Function<UUID, String> name, String path,
				String gone) {
			if (!allowed) {
				return new Named(id, null, false);
			}
			try {
				return new Named(name.apply(uuid), path + uuid, false);
			}
			catch (DomainException ex) {
				return ex.kind() == DomainException.Kind.NOT_FOUND ? new Named(gone, null, true)
						: new Named(id, null, false);
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
