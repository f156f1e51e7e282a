package io.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.gatehouse.access.BuiltInRoles.ADMIN;
import static io.gatehouse.access.BuiltInRoles.EDITOR;
import static io.gatehouse.access.BuiltInRoles.NO_ACCESS;
import static io.gatehouse.access.BuiltInRoles.VIEWER;
import static io.gatehouse.access.InMemoryAccessGraph.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of granting, applied to grants, to acting on people and to moves, as a table: who acts on whom (or
 * grants what where, or moves what where), and what blocks it, if anything.
 */
class AuthorityTests {

	private static final List<Permission> CATALOG = Stream
		.of("users", "groups", "roles", "settings", "tokens", "audit", "workspaces", "projects", "resources")
		.flatMap(area -> Stream.of("create", "read", "update", "delete").map(action -> new Permission(area, action)))
		.toList();

	private static final AccessGraph GRAPH = InMemoryAccessGraph.builder("instance")
		.resource("acme", "instance")
		.resource("acme-web", "acme")
		.resource("globex", "instance")
		.resource("globex-api", "globex")
		.systemAdministrator("root")
		.bindUser("root", BuiltInRoles.SYSTEM_ADMINISTRATOR, "instance")
		.systemAdministrator("second-root")
		.bindUser("second-root", BuiltInRoles.SYSTEM_ADMINISTRATOR, "instance")
		.user("instance-admin")
		.bindUser("instance-admin", ADMIN, "instance")
		.user("peer-admin")
		.bindUser("peer-admin", ADMIN, "instance")
		.user("acme-admin")
		.bindUser("acme-admin", ADMIN, "acme")
		.user("acme-editor")
		.bindUser("acme-editor", EDITOR, "acme")
		.user("globex-viewer")
		.bindUser("globex-viewer", VIEWER, "globex")
		.user("editor")
		.bindUser("editor", EDITOR, "instance")
		.role("Help desk", "users:update", "users:read")
		.user("help-desk")
		.bindUser("help-desk", id("Help desk"), "instance")
		.user("nobody")
		.user("web-owner")
		.owner("acme-web", "web-owner")
		.user("globex-owner")
		.owner("globex", "globex-owner")
		.user("in-admin-group")
		.group("admins", "in-admin-group")
		.bindGroup("admins", ADMIN, "acme")
		.user("profiled")
		.group("support", "profiled")
		.profile("support", new GroupProfile(Set.of(), Map.of("users", Set.of("read", "update"))))
		.user("crud-profiled")
		.group("everything", "crud-profiled")
		.profile("everything", GroupProfile.defaultProfile())
		.user("hidden-from-acme")
		.bindUser("hidden-from-acme", ADMIN, "instance")
		.bindUser("hidden-from-acme", NO_ACCESS, "acme")
		.user("deactivated-root")
		.systemAdministrator("deactivated-root")
		.bindUser("deactivated-root", BuiltInRoles.SYSTEM_ADMINISTRATOR, "instance")
		.deactivate("deactivated-root")
		.build();

	private static final Subject TOKEN_OF_ROOT = Subject.token(id("root"),
			new TokenScope(Set.of(PermissionPattern.parse("users:*")), null));

	record ActOn(Subject actor, String target, boolean allowed) {

		@Override
		public String toString() {
			return actor.userId() + (actor.tokenScope().isUnrestricted() ? "" : " (scoped token)") + " on " + target
					+ (allowed ? ": allowed" : ": refused");
		}
	}

	static Stream<ActOn> actingOn() {
		return Stream.of(
				// a System Administrator only by a System Administrator, deactivated or not, and not through a scope
				refused("instance-admin", "root"), allowed("root", "second-root"),
				refused("instance-admin", "deactivated-root"), new ActOn(TOKEN_OF_ROOT, "second-root", false),
				// a scoped token acts only on those who hold no more than its scope
				new ActOn(TOKEN_OF_ROOT, "help-desk", true), new ActOn(TOKEN_OF_ROOT, "editor", false),
				// peers act on each other; an instance Admin on everyone below
				allowed("instance-admin", "peer-admin"), allowed("instance-admin", "acme-admin"),
				allowed("instance-admin", "web-owner"), allowed("instance-admin", "crud-profiled"),
				// a workspace Admin acts on people who hold things only inside the workspace
				allowed("acme-admin", "acme-editor"), allowed("acme-admin", "web-owner"),
				allowed("acme-admin", "in-admin-group"), refused("acme-admin", "globex-viewer"),
				refused("acme-admin", "globex-owner"), refused("acme-admin", "editor"),
				refused("acme-admin", "instance-admin"), refused("acme-admin", "profiled"),
				// someone with no role acts on no one who holds anything, and on anyone who holds nothing
				allowed("acme-admin", "nobody"),
				// the help desk holds users:read and users:update only
				refused("help-desk", "root"), refused("help-desk", "instance-admin"), refused("help-desk", "editor"),
				refused("help-desk", "acme-editor"), allowed("help-desk", "profiled"), allowed("help-desk", "nobody"),
				refused("help-desk", "crud-profiled"),
				// an Editor cannot give Admin, so acts on no Admin and on no owner
				refused("editor", "acme-admin"), refused("editor", "web-owner"), allowed("editor", "globex-viewer"),
				allowed("editor", "acme-editor"),
				// an Admin hidden from one workspace cannot grant there
				refused("hidden-from-acme", "acme-editor"), allowed("hidden-from-acme", "globex-viewer"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actingOn")
	void actingOnSomeoneTakesBeingAbleToGrantEverythingTheyHold(ActOn row) {
		Authority.Shortfall shortfall = authority().toActOn(row.actor(), id(row.target()), owned(row.target()));
		if (row.allowed()) {
			assertThat(shortfall).as("what blocked it").isNull();
		}
		else {
			assertThat(shortfall).as("what blocks it").isNotNull();
		}
	}

	record Grant(String actor, UUID role, String resource, String missing) {
	}

	static Stream<Grant> granting() {
		return Stream.of(new Grant("acme-admin", ADMIN, "acme-web", null),
				new Grant("acme-admin", ADMIN, "globex", "users:create"),
				new Grant("acme-editor", ADMIN, "acme", "users:create"),
				new Grant("acme-editor", EDITOR, "acme-web", null),
				new Grant("help-desk", VIEWER, "instance", "workspaces:read"),
				new Grant("instance-admin", BuiltInRoles.SYSTEM_ADMINISTRATOR, "instance", "System Administrator"),
				new Grant("root", BuiltInRoles.SYSTEM_ADMINISTRATOR, "instance", null),
				new Grant("hidden-from-acme", VIEWER, "acme-web", "workspaces:read"),
				new Grant("nobody", NO_ACCESS, "acme", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("granting")
	void grantingARoleTakesHoldingWhatItGrantsThere(Grant row) {
		Authority.Shortfall shortfall = authority().toGrant(Subject.session(id(row.actor())),
				GRAPH.role(row.role()) == null ? BuiltInRoles.byId(row.role()) : GRAPH.role(row.role()),
				id(row.resource()));
		if (row.missing() == null) {
			assertThat(shortfall).isNull();
		}
		else {
			assertThat(shortfall.permission() == null ? shortfall.source() : shortfall.permission().toString())
				.isEqualTo(row.missing());
		}
	}

	record Move(String actor, String resource, String newParent, boolean allowed) {
	}

	static Stream<Move> moving() {
		return Stream.of(
				// an Editor who owns a workspace does not become Admin of a project by moving it there
				new Move("globex-owner-editor", "acme-web", "globex", false),
				new Move("instance-admin", "acme-web", "globex", true),
				// Admin of the resource, but the move would put it where they are not Admin
				new Move("acme-admin", "acme-web", "globex", false),
				new Move("acme-editor", "acme-web", "acme", false),
				// the owner of a project in someone else's workspace cannot take it out into a workspace of their own
				new Move("web-owner-editor", "acme-web", "initech", false),
				new Move("instance-admin", "acme-web", "initech", true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("moving")
	void aMoveTakesBeingAbleToGrantAdminOnBothSides(Move row) {
		AccessGraph graph = InMemoryAccessGraph.builder("instance")
			.resource("acme", "instance")
			.resource("acme-web", "acme")
			.resource("globex", "instance")
			.resource("initech", "instance")
			.user("web-owner-editor")
			.owner("acme-web", "web-owner-editor")
			.owner("initech", "web-owner-editor")
			.bindUser("web-owner-editor", EDITOR, "instance")
			.user("globex-owner-editor")
			.owner("globex", "globex-owner-editor")
			.bindUser("globex-owner-editor", EDITOR, "instance")
			.user("instance-admin")
			.bindUser("instance-admin", ADMIN, "instance")
			.user("acme-admin")
			.bindUser("acme-admin", ADMIN, "acme")
			.user("acme-editor")
			.bindUser("acme-editor", EDITOR, "acme")
			.build();
		Authority.Shortfall shortfall = new Authority(graph, CATALOG).toMove(Subject.session(id(row.actor())),
				id(row.resource()), id(row.newParent()));
		assertThat(shortfall == null).isEqualTo(row.allowed());
	}

	private static Authority authority() {
		return new Authority(GRAPH, CATALOG);
	}

	private static List<UUID> owned(String user) {
		return switch (user) {
			case "web-owner" -> List.of(id("acme-web"));
			case "globex-owner" -> List.of(id("globex"));
			default -> List.of();
		};
	}

	private static ActOn allowed(String actor, String target) {
		return new ActOn(Subject.session(id(actor)), target, true);
	}

	private static ActOn refused(String actor, String target) {
		return new ActOn(Subject.session(id(actor)), target, false);
	}
}
