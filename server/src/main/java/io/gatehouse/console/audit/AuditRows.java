package io.gatehouse.console.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditNames;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.audit.AuditRow.Detail;
import io.gatehouse.console.audit.AuditRow.Named;
import org.springframework.stereotype.Component;

/**
 * Turns the ids of audit events into names for the console, through {@link AuditNames} (so the viewer sees a name
 * only where they may read the thing), with a link to the thing's page where there is one to open.
 */
@Component
public class AuditRows {

	// the details that hold an id, and what kind of thing it names
	private static final Map<String, String> ID_DETAILS = Map.of("owner", "user", "member", "user", "roleId", "role",
			"resourceId", "resource", "parent", "resource");

	private static final Map<String, String> PAGES = Map.of("user", "/console/users/", "group", "/console/groups/",
			"role", "/console/roles/", "resource", "/console/resources/");

	private final AccessControl access;

	private final AuditNames names;

	AuditRows(AccessControl access, AuditNames names) {
		this.access = access;
		this.names = names;
	}

	public List<AuditRow> of(ConsoleUser me, List<AuditEvent> events) {
		Names named = names(me);
		return events.stream().map(named::row).toList();
	}

	/** Names for one request: each id looked up once. */
	public Names names(ConsoleUser me) {
		return new Names(me);
	}

	public final class Names {

		private final AuditNames.Lookup lookup;

		private final boolean readAudit;

		Names(ConsoleUser me) {
			this.lookup = names.lookup(me.actor());
			this.readAudit = access.allows(me.actor(), Permissions.AUDIT_READ);
		}

		AuditRow row(AuditEvent e) {
			List<Detail> details = new ArrayList<>();
			e.details().forEach((key, value) -> details.add(detail(e, key, value)));
			return new AuditRow(e, actor(e), target(e), List.copyOf(details));
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
			AuditNames.Name target = lookup.target(e);
			return target == null ? null : named(e.targetType(), e.targetId(), target);
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
			return named(kind, id, lookup.name(kind, id));
		}

		private static Named named(String kind, String id, AuditNames.Name name) {
			String page = PAGES.get(kind);
			return new Named(name.text(), name.known() && page != null ? page + id : null, name.deleted());
		}
	}
}
