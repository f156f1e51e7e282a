package io.gatehouse.api.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One small instance inside the shared test database, made fresh for each operation and kind of actor: a resource
 * tree, an actor of that kind and targets that each hold something, most of them more than the actor. Every name is
 * prefixed, so worlds never meet.
 *
 * <pre>
 * instance
 * ├── w1 (workspace)         actor WORKSPACE_ADMIN is Admin here; t-w1-admin too; t-w1-editor is Editor
 * │   └── p1 (project)
 * │       └── e1 (environment)
 * ├── w2 (workspace)         owned by t-owner; t-w2-viewer is Viewer; group g-admins is Admin here
 * │   └── p2 (project)
 * └── mine (workspace)       owned by the actor
 * </pre>
 */
final class EscalationWorld {

	/** Every target, holding (from the top): everything, Admin everywhere, ..., nothing. */
	static final List<String> TARGETS = List.of("t-sysadmin", "t-instance-admin", "t-reseller", "t-w1-admin",
			"t-w1-editor", "t-w2-viewer", "t-owner", "t-group-admin", "t-profile", "t-helpdesk", "t-plain");

	final ActorKind kind;

	final String prefix;

	final Map<String, UUID> users = new LinkedHashMap<>();

	final Map<String, UUID> resources = new LinkedHashMap<>();

	final Map<String, UUID> groups = new LinkedHashMap<>();

	final Map<String, UUID> roles = new LinkedHashMap<>();

	/** The direct role bindings of the targets (and the actor's), by user name. */
	final Map<String, List<UUID>> bindings = new LinkedHashMap<>();

	/** A personal access token of each target, by user name. */
	final Map<String, UUID> tokens = new LinkedHashMap<>();

	/** The token the actor calls with (scoped for {@link ActorKind#SCOPED_TOKEN}). */
	String actorSecret;

	UUID actorTokenId;

	/** Another token of the actor's own, unscoped. */
	UUID actorOtherTokenId;

	/** The actor's own session. */
	UUID actorSessionId;

	/** The authenticator secret of the actor, once a case has enrolled one. */
	String actorTotpSecret;

	EscalationWorld(ActorKind kind, String prefix) {
		this.kind = kind;
		this.prefix = prefix;
	}

	UUID actor() {
		return users.get("actor");
	}

	UUID user(String name) {
		UUID id = users.get(name);
		if (id == null) {
			throw new IllegalArgumentException("No user " + name + " in this world");
		}
		return id;
	}

	UUID resource(String name) {
		return resources.get(name);
	}

	UUID group(String name) {
		return groups.get(name);
	}

	UUID role(String name) {
		return roles.get(name);
	}

	String username(String name) {
		return prefix + "-" + name;
	}

	/** An address of this world: every user made here, by the world or by a case, has one starting with its prefix. */
	String email(String name) {
		return prefix + "-" + name + "@example.com";
	}

	/** A unique name within this world, for things a case creates. */
	String name(String what) {
		return prefix + "-" + what;
	}

	List<UUID> resourceIds() {
		return new ArrayList<>(resources.values());
	}

	List<UUID> targetIds() {
		return TARGETS.stream().map(this::user).toList();
	}
}
