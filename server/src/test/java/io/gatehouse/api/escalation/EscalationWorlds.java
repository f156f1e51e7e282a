package io.gatehouse.api.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.access.Resources;
import io.gatehouse.auth.SessionFixtures;
import io.gatehouse.auth.Sessions;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.BindingView;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.resources.Restrictions;
import io.gatehouse.roles.RoleManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.tokens.IssuedToken;
import io.gatehouse.tokens.TokenManagement;
import io.gatehouse.users.CreateUser;
import io.gatehouse.users.Invitations;
import io.gatehouse.users.Invite;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserManagement;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.gatehouse.access.BuiltInRoles.ADMIN;
import static io.gatehouse.access.BuiltInRoles.EDITOR;
import static io.gatehouse.access.BuiltInRoles.VIEWER;

/** Makes {@link EscalationWorld}s through the domain services, as the system, in one transaction each. */
final class EscalationWorlds {

	/** The scope of the {@link ActorKind#SCOPED_TOKEN} actor's token. */
	static final List<String> TOKEN_SCOPE = List.of("users:*", "groups:*", "roles:*", "resources:*", "tokens:*");

	private static final Actor SYSTEM = Actor.system();

	private final UserManagement users;

	private final UserDirectory directory;

	private final ResourceManagement resources;

	private final BindingManagement bindings;

	private final GroupManagement groups;

	private final RoleManagement roles;

	private final Restrictions restrictions;

	private final Invitations invitations;

	private final TokenManagement tokens;

	private final Sessions sessions;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final String passwordHash;

	EscalationWorlds(ApplicationContext context, String passwordHash) {
		this.users = context.getBean(UserManagement.class);
		this.directory = context.getBean(UserDirectory.class);
		this.resources = context.getBean(ResourceManagement.class);
		this.bindings = context.getBean(BindingManagement.class);
		this.groups = context.getBean(GroupManagement.class);
		this.roles = context.getBean(RoleManagement.class);
		this.restrictions = context.getBean(Restrictions.class);
		this.invitations = context.getBean(Invitations.class);
		this.tokens = context.getBean(TokenManagement.class);
		this.sessions = context.getBean(Sessions.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.passwordHash = passwordHash;
	}

	/**
	 * One transaction for a whole world, built while the previous case runs: at SERIALIZABLE it can lose a race with
	 * that case's requests, and is then built again from scratch, as the services' own retry would.
	 */
	EscalationWorld make(ActorKind kind) {
		for (int attempt = 1;; attempt++) {
			EscalationWorld world = new EscalationWorld(kind,
					"x" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
			try {
				transaction.executeWithoutResult(status -> build(world));
				return world;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private void build(EscalationWorld w) {
		UUID instance = Resources.INSTANCE;
		w.resources.put("instance", instance);
		resource(w, "w1", "workspace", instance, null);
		resource(w, "p1", "project", w.resource("w1"), null);
		resource(w, "e1", "environment", w.resource("p1"), null);
		w.roles.put("helpdesk", roles.create(SYSTEM, w.name("Help desk"), null, List.of("users:update"), null).id());
		w.roles.put("unused", roles.create(SYSTEM, w.name("Unused"), null, List.of("projects:read"), null).id());
		group(w, "g-empty", null);
		group(w, "g-admins", null);
		group(w, "g-crud", GroupProfile.defaultProfile());
		group(w, "g-support", new GroupProfile(Set.of(), Map.of("users", Set.of("create", "read", "update", "delete"),
				"groups", Set.of("read", "update"), "roles", Set.of("read"), "resources", Set.of("read"), "tokens",
				Set.of("read", "delete"))));

		user(w, "t-sysadmin", List.of(), grant(BuiltInRoles.SYSTEM_ADMINISTRATOR, instance));
		user(w, "t-instance-admin", List.of(), grant(ADMIN, instance));
		user(w, "t-reseller", List.of(), grant(ADMIN, instance));
		user(w, "t-w1-admin", List.of(), grant(ADMIN, w.resource("w1")));
		user(w, "t-w1-editor", List.of(), grant(EDITOR, w.resource("w1")));
		user(w, "t-owner", List.of());
		resource(w, "w2", "workspace", instance, w.user("t-owner"));
		resource(w, "p2", "project", w.resource("w2"), null);
		bindings.bind(SYSTEM, io.gatehouse.access.PrincipalType.GROUP, w.group("g-admins"), ADMIN, w.resource("w2"));
		restrictions.restrict(SYSTEM, w.user("t-reseller"), w.resource("w2"));
		user(w, "t-w2-viewer", List.of(), grant(VIEWER, w.resource("w2")));
		user(w, "t-group-admin", List.of(w.group("g-admins")));
		user(w, "t-profile", List.of(w.group("g-crud")));
		user(w, "t-helpdesk", List.of(), grant(w.role("helpdesk"), instance));
		user(w, "t-plain", List.of(w.group("g-empty")));

		user(w, "actor", actorGroups(w), actorGrants(w));
		resource(w, "mine", "workspace", instance, w.actor());
		resource(w, "mine-in-w2", "project", w.resource("w2"), w.actor());

		UUID pending = invitations
			.invite(SYSTEM, new Invite(w.email("t-pending"), w.username("t-pending"), null, null, List.of(),
					List.of(), List.of(grant(ADMIN, w.resource("w1")))))
			.user()
			.id();
		w.users.put("t-pending", pending);

		List<UUID> withPasswords = new ArrayList<>(w.targetIds());
		withPasswords.add(w.actor());
		for (UUID id : withPasswords) {
			jdbc.sql("UPDATE users_account SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
		}
		for (String target : EscalationWorld.TARGETS) {
			Actor self = self(w, target);
			w.tokens.put(target, tokens.create(self, "fixture", null, false).token().id());
			SessionFixtures.open(sessions, directory.get(SYSTEM, w.user(target)));
			w.bindings.put(target, directBindings(w.user(target)));
		}
		Actor actor = self(w, "actor");
		IssuedToken token = tokens.create(actor, "actor", null, false,
				w.kind == ActorKind.SCOPED_TOKEN ? TOKEN_SCOPE : List.of(), null);
		w.actorSecret = token.secret();
		w.actorTokenId = token.token().id();
		w.actorOtherTokenId = tokens.create(actor, "other", null, false).token().id();
		SessionFixtures.open(sessions, directory.get(SYSTEM, w.actor()));
		w.actorSessionId = jdbc.sql("SELECT id FROM auth_session WHERE user_id = ?").param(w.actor()).query(UUID.class)
			.single();
		w.bindings.put("actor", directBindings(w.actor()));
	}

	private static List<UUID> actorGroups(EscalationWorld w) {
		List<UUID> member = new ArrayList<>(List.of(w.group("g-empty")));
		if (w.kind == ActorKind.PROFILE_MEMBER) {
			member.add(w.group("g-support"));
		}
		return member;
	}

	private static List<RoleGrant> actorGrants(EscalationWorld w) {
		return switch (w.kind) {
			case SYSTEM_ADMINISTRATOR -> List.of(grant(BuiltInRoles.SYSTEM_ADMINISTRATOR, Resources.INSTANCE));
			case INSTANCE_ADMIN, SCOPED_TOKEN -> List.of(grant(ADMIN, Resources.INSTANCE));
			case WORKSPACE_ADMIN -> List.of(grant(ADMIN, w.resource("w1")));
			case EDITOR -> List.of(grant(EDITOR, Resources.INSTANCE));
			case USERS_UPDATE_ROLE -> List.of(grant(w.role("helpdesk"), Resources.INSTANCE));
			case PROFILE_MEMBER -> List.of();
		};
	}

	private List<UUID> directBindings(UUID userId) {
		return bindings.ofUser(SYSTEM, userId)
			.stream()
			.filter(view -> view.principalType() == io.gatehouse.access.PrincipalType.USER)
			.map(BindingView::id)
			.toList();
	}

	private void user(EscalationWorld w, String name, List<UUID> groupIds, RoleGrant... grants) {
		User user = users.create(SYSTEM, new CreateUser(w.username(name), w.email(name), null, "First", name, null,
				null, null, null, null, groupIds, List.of(grants)));
		w.users.put(name, user.id());
	}

	private void user(EscalationWorld w, String name, List<UUID> groupIds, List<RoleGrant> grants) {
		user(w, name, groupIds, grants.toArray(RoleGrant[]::new));
	}

	private void resource(EscalationWorld w, String name, String type, UUID parent, UUID owner) {
		w.resources.put(name, resources.create(SYSTEM, type, w.name(name), parent, owner, null).id());
	}

	private void group(EscalationWorld w, String name, GroupProfile profile) {
		w.groups.put(name, groups.create(SYSTEM, w.name(name), null, profile).id());
	}

	private static Actor self(EscalationWorld w, String name) {
		return new Actor(w.user(name), w.username(name), "192.0.2.1", null, null);
	}

	static RoleGrant grant(UUID role, UUID resource) {
		return new RoleGrant(role, resource);
	}
}
