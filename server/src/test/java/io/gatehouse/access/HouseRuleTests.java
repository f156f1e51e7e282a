package io.gatehouse.access;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.gatehouse.access.BuiltInRoles.ADMIN;
import static io.gatehouse.access.BuiltInRoles.EDITOR;
import static io.gatehouse.access.BuiltInRoles.NO_ACCESS;
import static io.gatehouse.access.BuiltInRoles.VIEWER;
import static io.gatehouse.access.DecisionReason.DENIED_BY_BINDINGS;
import static io.gatehouse.access.DecisionReason.GRANTED;
import static io.gatehouse.access.DecisionReason.INACTIVE_USER;
import static io.gatehouse.access.DecisionReason.NO_BINDING;
import static io.gatehouse.access.DecisionReason.OUTSIDE_RESTRICTION;
import static io.gatehouse.access.DecisionReason.SYSTEM_ADMINISTRATOR;
import static io.gatehouse.access.DecisionReason.TOKEN_SCOPE;
import static io.gatehouse.access.DecisionReason.UNKNOWN_PERMISSION;
import static io.gatehouse.access.DecisionReason.UNKNOWN_RESOURCE;
import static io.gatehouse.access.DecisionReason.UNKNOWN_USER;
import static io.gatehouse.access.InMemoryAccessGraph.groupBinding;
import static io.gatehouse.access.InMemoryAccessGraph.id;
import static io.gatehouse.access.InMemoryAccessGraph.userBinding;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rule, scenario by scenario: a group of rows for each way platforms use roles (group defaults,
 * workspaces, permission profiles, organization and project roles, object policies and ownership), then the edges.
 * Each row names the graph, who asks for what where, and the expected outcome, reason and deciding resource.
 */
class HouseRuleTests {

	/** A default role from the group, platform-wide; an environment-specific role overrides it. */
	private static final AccessGraph FACETS = InMemoryAccessGraph.builder("instance")
		.resource("platform", "instance")
		.resource("api", "platform")
		.resource("api-dev", "api")
		.resource("api-prod", "api")
		.user("dana")
		.group("developers", "dana")
		.bindGroup("developers", VIEWER, "instance")
		.bindUser("dana", EDITOR, "api-dev")
		.build();

	/** Roles per workspace. Also the graph the token scenarios use. */
	private static InMemoryAccessGraph.Builder workspaces() {
		return InMemoryAccessGraph.builder("instance")
			.resource("workspace-a", "instance")
			.resource("project-a1", "workspace-a")
			.resource("workspace-b", "instance")
			.resource("project-b1", "workspace-b")
			.user("olga")
			.bindUser("olga", EDITOR, "workspace-a")
			.bindUser("olga", VIEWER, "workspace-b")
			.user("nora");
	}

	private static final AccessGraph WORKSPACES = workspaces().build();

	/** The same, after olga lost Editor in workspace A. */
	private static final AccessGraph WORKSPACES_WITHOUT_OLGAS_EDITOR = workspaces()
		.unbindUser("olga", EDITOR, "workspace-a")
		.build();

	/** Permission profiles, granular entries, a reseller restricted to its workspace. */
	private static final AccessGraph CONNEX = InMemoryAccessGraph.builder("instance")
		.resource("wholesale", "instance")
		.resource("wholesale-project", "wholesale")
		.resource("retail", "instance")
		.resource("retail-project", "retail")
		.user("sam")
		.user("vera")
		.group("support", "sam", "vera")
		.profile("support", GroupProfile.defaultProfile())
		.bindUser("vera", VIEWER, "retail")
		.user("bea")
		.group("billing-readers", "bea")
		.profile("billing-readers", new GroupProfile(Actions.CRUD, Map.of("billing", Set.of("read"))))
		.user("rita")
		.restrict("rita", "retail")
		.group("default-reseller", "rita")
		.profile("default-reseller", GroupProfile.defaultProfile())
		.build();

	/** Organization roles, project roles, custom and workspace-defined roles. */
	private static final AccessGraph SEMAPHORE = InMemoryAccessGraph.builder("organization")
		.resource("infra", "organization")
		.resource("web", "organization")
		.user("otto")
		.bindUser("otto", ADMIN, "organization")
		.bindUser("otto", VIEWER, "infra")
		.user("vic")
		.bindUser("vic", VIEWER, "organization")
		.bindUser("vic", EDITOR, "web")
		.role("Project Manager", "projects:*")
		.user("pam")
		.bindUser("pam", id("Project Manager"), "organization")
		.workspaceRole("Web Deployer", "web", "projects:deploy")
		.user("wes")
		.bindUser("wes", id("Web Deployer"), "web")
		.bindUser("wes", id("Web Deployer"), "infra")
		.build();

	/** System Administrators, object policies, ownership, and users at the edges. */
	private static final AccessGraph OBJECTS = InMemoryAccessGraph.builder("instance")
		.resource("workspace", "instance")
		.resource("project", "workspace")
		.resource("secret-env", "project")
		.resource("public-env", "project")
		.systemAdministrator("root")
		.user("reader")
		.bindUser("reader", VIEWER, "public-env")
		.user("writer")
		.bindUser("writer", EDITOR, "public-env")
		.user("wendy")
		.bindUser("wendy", EDITOR, "project")
		.bindUser("wendy", NO_ACCESS, "secret-env")
		.user("owen")
		.owner("project", "owen")
		.user("gina")
		.group("auditors", "gina")
		.bindGroup("auditors", VIEWER, "project")
		.bindUser("gina", EDITOR, "project")
		.systemAdministrator("ian")
		.deactivate("ian")
		.systemAdministrator("sally")
		.restrict("sally", "public-env")
		.user("uma")
		.bindUser("uma", ADMIN, "workspace")
		.bindUser("uma", id("Deleted Role"), "project")
		.build();

	static Stream<Scenario> scenarios() {
		return Stream.of(
				// 000 Facets
				session("group default role: an environment-specific Editor overrides the group's default role", FACETS, "dana",
						"environments:update", "api-dev").expect(GRANTED, "api-dev")
					.bindings(userBinding("dana", EDITOR, "api-dev")),
				session("group default role: elsewhere the group's default Viewer applies: no update", FACETS, "dana",
						"environments:update", "api-prod").expect(DENIED_BY_BINDINGS, "instance"),
				session("group default role: elsewhere the group's default Viewer applies: read", FACETS, "dana", "projects:read", "api")
					.expect(GRANTED, "instance")
					.bindings(groupBinding("developers", VIEWER, "instance")),

				// 001 roles per workspace
				session("workspace roles: Editor in workspace A updates A's projects", WORKSPACES, "olga", "projects:update",
						"project-a1").expect(GRANTED, "workspace-a"),
				session("workspace roles: Viewer in workspace B cannot update B's projects", WORKSPACES, "olga", "projects:update",
						"project-b1").expect(DENIED_BY_BINDINGS, "workspace-b"),
				session("workspace roles: Viewer in workspace B reads B's projects", WORKSPACES, "olga", "projects:read", "project-b1")
					.expect(GRANTED, "workspace-b"),
				session("workspace roles: workspace roles do not reach up to the instance", WORKSPACES, "olga", "projects:read",
						"instance").expect(NO_BINDING, null),
				session("workspace roles: a user with no role sees nothing in a workspace", WORKSPACES, "nora", "projects:read",
						"project-a1").expect(NO_BINDING, null),
				session("workspace roles: a user with no role sees nothing at the instance", WORKSPACES, "nora", "projects:read",
						"instance").expect(NO_BINDING, null),

				// 002 ConnexCS
				session("permission profiles: a profile's global CRUD grants every area's CRUD", CONNEX, "sam", "billing:delete",
						"wholesale-project").expect(GRANTED, "instance")
					.bindings(Binding.groupProfile(id("support"), id("instance"))),
				session("permission profiles: ... at every resource", CONNEX, "sam", "invoices:create", "retail-project")
					.expect(GRANTED, "instance"),
				session("permission profiles: ... administrative areas included", CONNEX, "sam", "users:update",
						"instance").expect(GRANTED, "instance"),
				session("permission profiles: global actions are CRUD, not area-specific actions", CONNEX, "sam", "billing:refund",
						"wholesale").expect(DENIED_BY_BINDINGS, "instance"),
				session("permission profiles: a deeper binding overrides the profile at the root", CONNEX, "vera", "projects:update",
						"retail-project").expect(DENIED_BY_BINDINGS, "retail")
					.bindings(userBinding("vera", VIEWER, "retail")),
				session("permission profiles: ... and only below it", CONNEX, "vera", "projects:update", "wholesale-project")
					.expect(GRANTED, "instance"),
				session("permission profiles: one granular entry leaves billing:read", CONNEX, "bea", "billing:read", "wholesale-project")
					.expect(GRANTED, "instance"),
				session("permission profiles: one granular entry nullifies the global update", CONNEX, "bea", "billing:update",
						"wholesale-project").expect(DENIED_BY_BINDINGS, "instance"),
				session("permission profiles: one granular entry nullifies the other areas", CONNEX, "bea", "projects:read", "retail")
					.expect(DENIED_BY_BINDINGS, "instance"),
				session("permission profiles: a reseller works inside its workspace", CONNEX, "rita", "projects:update", "retail-project")
					.expect(GRANTED, "instance"),
				session("permission profiles: a reseller is denied outside it despite an instance-wide profile", CONNEX, "rita",
						"projects:read", "wholesale-project").expect(OUTSIDE_RESTRICTION, null),
				session("permission profiles: the instance itself is outside a reseller's workspace", CONNEX, "rita", "projects:read",
						"instance").expect(OUTSIDE_RESTRICTION, null),

				// 003 Semaphore
				session("organization and project roles: the organization role applies where no project role is", SEMAPHORE, "otto",
						"projects:update", "web").expect(GRANTED, "organization"),
				session("organization and project roles: a project role overrides the organization role, narrowing too", SEMAPHORE, "otto",
						"projects:update", "infra").expect(DENIED_BY_BINDINGS, "infra"),
				session("organization and project roles: a project role overrides the organization role, widening", SEMAPHORE, "vic",
						"projects:update", "web").expect(GRANTED, "web"),
				session("organization and project roles: Viewer cannot update", SEMAPHORE, "vic", "projects:update", "infra")
					.expect(DENIED_BY_BINDINGS, "organization"),
				session("organization and project roles: Viewer does not read administrative areas", SEMAPHORE, "vic", "users:read", "organization")
					.expect(DENIED_BY_BINDINGS, "organization"),
				session("organization and project roles: Admin does", SEMAPHORE, "otto", "users:read", "organization").expect(GRANTED, "organization"),
				session("organization and project roles: a custom projects:* role grants project actions", SEMAPHORE, "pam", "projects:archive",
						"infra").expect(GRANTED, "organization"),
				session("organization and project roles: a custom projects:* role does not grant billing:read", SEMAPHORE, "pam", "billing:read",
						"infra").expect(DENIED_BY_BINDINGS, "organization"),
				session("organization and project roles: a workspace role grants in its workspace", SEMAPHORE, "wes", "projects:deploy", "web")
					.expect(GRANTED, "web"),
				session("organization and project roles: a workspace role bound outside its workspace grants nothing", SEMAPHORE, "wes",
						"projects:deploy", "infra").expect(DENIED_BY_BINDINGS, "infra"),

				// 004 System Administrators and object policies
				session("object policies and ownership: not even a System Administrator is allowed an area nobody declared", OBJECTS, "root",
						"anything:whatever", "secret-env").expect(UNKNOWN_PERMISSION, null),
				session("object policies and ownership: nor an action its area does not declare", OBJECTS, "root", "projects:whatever",
						"secret-env").expect(UNKNOWN_PERMISSION, null),
				session("a Viewer reads no area nobody declared", FACETS, "dana", "zz123:read", "api")
					.expect(UNKNOWN_PERMISSION, null),
				session("a profile's global CRUD covers no area nobody declared", CONNEX, "sam", "zz123:read",
						"wholesale").expect(UNKNOWN_PERMISSION, null),
				session("an Admin holds no action its area does not declare", SEMAPHORE, "otto", "projects:frobnicate",
						"web").expect(UNKNOWN_PERMISSION, null),
				session("object policies and ownership: a System Administrator is allowed administrative areas", OBJECTS, "root", "users:delete",
						"instance").expect(SYSTEM_ADMINISTRATOR, null),
				session("object policies and ownership: a restriction does not limit a System Administrator", OBJECTS, "sally", "projects:delete",
						"workspace").expect(SYSTEM_ADMINISTRATOR, null),
				session("object policies and ownership: object policy read: read", OBJECTS, "reader", "environments:read", "public-env")
					.expect(GRANTED, "public-env"),
				session("object policies and ownership: object policy read: no update", OBJECTS, "reader", "environments:update", "public-env")
					.expect(DENIED_BY_BINDINGS, "public-env"),
				session("object policies and ownership: object policy read: not the sibling object", OBJECTS, "reader", "environments:read",
						"secret-env").expect(NO_BINDING, null),
				session("object policies and ownership: object policy write: update", OBJECTS, "writer", "environments:update", "public-env")
					.expect(GRANTED, "public-env"),
				session("object policies and ownership: object policy none hides a child of an Editor's project", OBJECTS, "wendy",
						"environments:read", "secret-env").expect(DENIED_BY_BINDINGS, "secret-env")
					.bindings(userBinding("wendy", NO_ACCESS, "secret-env")),
				session("object policies and ownership: ... and only that child", OBJECTS, "wendy", "environments:update", "public-env")
					.expect(GRANTED, "project"),

				// ownership and unions
				session("the owner has Admin at their resource", OBJECTS, "owen", "billing:refund", "project")
					.expect(GRANTED, "project")
					.bindings(Binding.ownership(id("owen"), id("project"))),
				session("the owner has Admin below their resource", OBJECTS, "owen", "users:delete", "secret-env")
					.expect(GRANTED, "project"),
				session("ownership does not reach up", OBJECTS, "owen", "projects:read", "workspace")
					.expect(NO_BINDING, null),
				session("the bindings at the deciding resource add up", OBJECTS, "gina", "projects:update", "project")
					.expect(GRANTED, "project")
					.bindings(groupBinding("auditors", VIEWER, "project"), userBinding("gina", EDITOR, "project")),
				session("a binding to an unknown role grants nothing and hides what is above", OBJECTS, "uma",
						"projects:read", "secret-env").expect(DENIED_BY_BINDINGS, "project"),

				// users and resources that are not there
				session("a deactivated user is denied, System Administrator or not", OBJECTS, "ian", "projects:read",
						"project").expect(INACTIVE_USER, null),
				session("an unknown user is denied", OBJECTS, "ghost", "projects:read", "project")
					.expect(UNKNOWN_USER, null),
				session("an unknown resource is denied, even to a System Administrator", OBJECTS, "root",
						"projects:read", "nowhere").expect(UNKNOWN_RESOURCE, null),

				// tokens
				token("a projects:read token cannot update what its user can", WORKSPACES, "olga",
						scope(null, "projects:read"), "projects:update", "project-a1").expect(TOKEN_SCOPE, null),
				token("a projects:read token reads what its user can", WORKSPACES, "olga", scope(null, "projects:read"),
						"projects:read", "project-a1").expect(GRANTED, "workspace-a"),
				token("a token's scope grants nothing its user lacks", WORKSPACES, "nora", scope(null, "projects:read"),
						"projects:read", "project-a1").expect(NO_BINDING, null),
				token("a token limited to a subtree cannot reach outside it", WORKSPACES, "olga", scope("workspace-a"),
						"projects:read", "project-b1").expect(TOKEN_SCOPE, null),
				token("a token limited to a subtree works inside it", WORKSPACES, "olga", scope("workspace-a"),
						"projects:update", "project-a1").expect(GRANTED, "workspace-a"),
				token("a token loses the role its user lost", WORKSPACES_WITHOUT_OLGAS_EDITOR, "olga",
						scope("workspace-a", "projects:*"), "projects:read", "project-a1").expect(NO_BINDING, null),
				token("a token narrows a System Administrator too", OBJECTS, "root", scope(null, "projects:read"),
						"users:delete", "instance").expect(TOKEN_SCOPE, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void followsTheHouseRule(Scenario scenario) {
		PolicyEvaluator evaluator = new PolicyEvaluator(scenario.graph());
		Permission permission = Permission.parse(scenario.permission());
		AccessDecision decision = evaluator.check(scenario.subject(), permission, id(scenario.resource()));

		assertThat(decision.allowed()).as(decision.explanation()).isEqualTo(scenario.reason().allows());
		assertThat(evaluator.allows(scenario.subject(), permission, id(scenario.resource()))).as("allows")
			.isEqualTo(decision.allowed());
		assertThat(decision.reason()).as(decision.explanation()).isEqualTo(scenario.reason());
		assertThat(decision.decidedAt()).as("decided at").isEqualTo(scenario.decidedAt());
		assertThat(decision.explanation()).isNotBlank();
		if (scenario.bindings() != null) {
			assertThat(decision.bindings()).containsExactlyInAnyOrderElementsOf(scenario.bindings());
		}
		if (decision.decidedAt() != null) {
			assertThat(decision.path()).first().isEqualTo(id(scenario.resource()));
			assertThat(decision.path()).last().isEqualTo(decision.decidedAt());
			assertThat(decision.bindings()).isNotEmpty().allSatisfy(
					(binding) -> assertThat(binding.resourceId()).isEqualTo(decision.decidedAt()));
		}
		else {
			assertThat(decision.bindings()).isEmpty();
		}
	}

	@Test
	void aTokenLosesARoleTheMomentItsUserDoes() {
		Subject token = Subject.token(id("olga"), scope("workspace-a", "projects:*"));
		Permission update = Permission.parse("projects:update");

		assertThat(new PolicyEvaluator(WORKSPACES).allows(token, update, id("project-a1"))).isTrue();
		assertThat(new PolicyEvaluator(WORKSPACES_WITHOUT_OLGAS_EDITOR).allows(token, update, id("project-a1")))
			.isFalse();
	}

	@Test
	void explainsAGrantByTheRoleThePrincipalAndTheResource() {
		AccessDecision decision = new PolicyEvaluator(FACETS).check(Subject.session(id("dana")),
				Permission.parse("environments:update"), id("api-dev"));

		assertThat(decision.explanation()).isEqualTo("Allowed: Editor bound to user " + id("dana") + " at resource "
				+ id("api-dev") + " grants environments:update.");
		assertThat(decision.path()).containsExactly(id("api-dev"));
	}

	@Test
	void explainsADenialByEveryBindingThatWasWeighed() {
		AccessDecision decision = new PolicyEvaluator(OBJECTS).check(Subject.session(id("uma")),
				Permission.parse("projects:read"), id("secret-env"));

		assertThat(decision.explanation()).startsWith("Denied: resource " + id("project"))
			.contains("none of them grants projects:read")
			.contains("unknown role " + id("Deleted Role") + " bound to user " + id("uma"));
		assertThat(decision.path()).containsExactly(id("secret-env"), id("project"));
	}

	@Test
	void explainsWhyAWorkspaceRoleIsNotInForce() {
		AccessDecision decision = new PolicyEvaluator(SEMAPHORE).check(Subject.session(id("wes")),
				Permission.parse("projects:deploy"), id("infra"));

		assertThat(decision.explanation())
			.contains("Web Deployer bound to user " + id("wes") + " (defined in workspace " + id("web"));
	}

	@Test
	void explainsAProfileGrantAndOwnership() {
		PolicyEvaluator connex = new PolicyEvaluator(CONNEX);
		assertThat(connex.check(Subject.session(id("sam")), Permission.parse("billing:read"), id("retail")).explanation())
			.contains("permission profile of group " + id("support"));
		PolicyEvaluator objects = new PolicyEvaluator(OBJECTS);
		assertThat(objects.check(Subject.session(id("owen")), Permission.parse("billing:read"), id("project"))
			.explanation()).contains("owns resource " + id("project"));
	}

	@Test
	void walksToTheRootWhenNothingIsFound() {
		AccessDecision decision = new PolicyEvaluator(WORKSPACES).check(Subject.session(id("nora")),
				Permission.parse("projects:read"), id("project-a1"));

		assertThat(decision.path()).containsExactly(id("project-a1"), id("workspace-a"), id("instance"));
		assertThat(decision.explanation()).startsWith("Denied: neither user " + id("nora"));
	}

	@Test
	void decisionsBeforeTheWalkHaveNoPath() {
		PolicyEvaluator evaluator = new PolicyEvaluator(OBJECTS);
		Permission read = Permission.parse("projects:read");

		assertThat(evaluator.check(Subject.session(id("root")), read, id("project")).path()).isEmpty();
		assertThat(evaluator.check(Subject.session(id("ian")), read, id("project")).path()).isEmpty();
		AccessDecision nullResource = evaluator.check(Subject.session(id("root")), read, null);
		assertThat(nullResource.reason()).isEqualTo(UNKNOWN_RESOURCE);
	}

	@Test
	void namesTheTokenLimitsInADenial() {
		AccessDecision decision = new PolicyEvaluator(WORKSPACES).check(
				Subject.token(id("olga"), scope(null, "projects:read", "billing:*")), Permission.parse("projects:update"),
				id("project-a1"));

		assertThat(decision.explanation())
			.isEqualTo("Denied: the token is limited to billing:*, projects:read, which does not include projects:update.");
	}

	private static TokenScope scope(String resourceRoot, String... patterns) {
		Set<PermissionPattern> parsed = new HashSet<>();
		for (String pattern : patterns) {
			parsed.add(PermissionPattern.parse(pattern));
		}
		return new TokenScope(parsed, resourceRoot == null ? null : id(resourceRoot));
	}

	private static Scenario session(String name, AccessGraph graph, String user, String permission, String resource) {
		return new Scenario(name, graph, Subject.session(id(user)), permission, resource, null, null, null);
	}

	private static Scenario token(String name, AccessGraph graph, String user, TokenScope scope, String permission,
			String resource) {
		return new Scenario(name, graph, Subject.token(id(user), scope), permission, resource, null, null, null);
	}

	/**
	 * One row of the table.
	 *
	 * @param decidedAt the expected deciding resource, null when none should decide
	 * @param bindings the expected bindings at the deciding resource, or null when the row does not say
	 */
	record Scenario(String name, AccessGraph graph, Subject subject, String permission, String resource,
			DecisionReason reason, UUID decidedAt, List<Binding> bindings) {

		Scenario expect(DecisionReason reason, String decidedAt) {
			return new Scenario(name, graph, subject, permission, resource, reason,
					decidedAt == null ? null : id(decidedAt), bindings);
		}

		Scenario bindings(Binding... expected) {
			return new Scenario(name, graph, subject, permission, resource, reason, decidedAt, List.of(expected));
		}

		@Override
		public String toString() {
			return name;
		}
	}
}
