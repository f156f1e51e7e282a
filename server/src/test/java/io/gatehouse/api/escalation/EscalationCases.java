package io.gatehouse.api.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;

import static io.gatehouse.access.BuiltInRoles.ADMIN;
import static io.gatehouse.access.BuiltInRoles.EDITOR;

/**
 * For every write operation of the API, the requests the escalation test sends: each aimed at what would give the
 * actor (or someone they control) more than they hold, or at someone who holds more than they do. A new endpoint
 * has no entry here until someone writes one, and the test fails until then.
 */
final class EscalationCases {

	/** The password every user of a world has, the actor included. */
	static final String ACTOR_PASSWORD = "Gq9@mTx4Ln#e";

	static final String NEW_PASSWORD = "Vq7#kLp2Zr!w";

	private static final UUID INSTANCE = Resources.INSTANCE;

	private EscalationCases() {
	}

	static Map<String, Function<EscalationWorld, List<Call>>> all() {
		Map<String, Function<EscalationWorld, List<Call>>> cases = new LinkedHashMap<>();
		users(cases);
		userSecurity(cases);
		me(cases);
		signInAndLinks(cases);
		invitations(cases);
		resources(cases);
		bindings(cases);
		roles(cases);
		groups(cases);
		catalog(cases);
		identityProviders(cases);
		scimClients(cases);
		applications(cases);
		// to the actor's own address only: it changes nothing anyone holds
		cases.put("POST /api/v1/settings/mail/test", w -> List.of(post("/api/v1/settings/mail/test", null)));
		cases.put("PATCH /api/v1/settings", w -> List.of(
				Call.of("PATCH", "/api/v1/settings", Map.of("defaultRole", ADMIN.toString()))
					.after(s -> s.setting("defaultRole", "none")),
				Call.of("PATCH", "/api/v1/settings", Map.of("mfaRequired", "none"))));
		return cases;
	}

	/**
	 * Registering mints a token of the actor's, scoped to users and groups: never more than the actor holds. Revoking
	 * takes away a token of the client's administrator: for every target, a client of theirs.
	 */
	private static void scimClients(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/scim-clients", w -> List.of(post("/api/v1/scim-clients", Map.of("name", "provisioner"))));
		cases.put("DELETE /api/v1/scim-clients/{id}", w -> EscalationWorld.TARGETS.stream().map(target -> {
			UUID client = UUID.randomUUID();
			return Call.of("DELETE", "/api/v1/scim-clients/" + client, null)
				.on(target)
				.before(s -> s.registerScimClient(client, target));
		}).toList());
	}

	private static void users(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/users", w -> List.of(
				// a user made with a password is one the actor controls: they must be able to grant what it gets
				post("/api/v1/users", Map.of("email", w.email("made-admin"), "password", NEW_PASSWORD, "bindings",
						List.of(grant(ADMIN, INSTANCE)))),
				post("/api/v1/users", Map.of("email", w.email("made-w1"), "password", NEW_PASSWORD, "bindings",
						List.of(grant(ADMIN, w.resource("w1"))))),
				post("/api/v1/users", Map.of("email", w.email("made-grouped"), "password", NEW_PASSWORD, "groups",
						List.of(w.group("g-admins")))),
				post("/api/v1/users", Map.of("email", w.email("made-sysadmin"), "password", NEW_PASSWORD, "bindings",
						List.of(grant(BuiltInRoles.SYSTEM_ADMINISTRATOR, INSTANCE)))),
				// a restriction narrows what the user gets: it must not carry a grant the actor could not make, nor
				// confine anyone to a part of the tree the actor cannot see
				post("/api/v1/users", Map.of("email", w.email("made-restricted"), "password", NEW_PASSWORD,
						"bindings", List.of(grant(ADMIN, INSTANCE)), "restrictionResourceId", w.resource("w2"))),
				// the default role is given by whoever makes the account: they choose its email, and so its password
				post("/api/v1/users", Map.of("email", w.email("made-default"), "password", NEW_PASSWORD))
					.before(s -> s.setting("defaultRole", EDITOR.toString()))
					.after(s -> s.setting("defaultRole", "none"))));
		cases.put("POST /api/v1/users/batch", w -> List.of(
				post("/api/v1/users/batch", Map.of("accounts", List.of(Map.of("email", w.email("batch-admin"))),
						"bindings", List.of(grant(ADMIN, INSTANCE)))),
				post("/api/v1/users/batch", Map.of("accounts", List.of(Map.of("email", w.email("batch-group"))),
						"groups", List.of(w.group("g-crud"))))));
		perTarget(cases, "PATCH /api/v1/users/{id}", (w, t) -> List.of(
				// an address of the actor's: the password reset would come to them
				Call.of("PATCH", "/api/v1/users/" + w.user(t), Map.of("email", w.email("taken-" + t))).on(t),
				Call.of("PATCH", "/api/v1/users/" + w.user(t), Map.of("bindings", List.of(), "groups", List.of()))
					.on(t),
				Call.of("PATCH", "/api/v1/users/" + w.user(t), Map.of("department", "Moved")).on(t)));
		perTarget(cases, "DELETE /api/v1/users/{id}",
				(w, t) -> List.of(Call.of("DELETE", "/api/v1/users/" + w.user(t), null).on(t)));
		perTarget(cases, "POST /api/v1/users/{id}/deactivate",
				(w, t) -> List.of(post("/api/v1/users/" + w.user(t) + "/deactivate", null).on(t)));
		perTarget(cases, "POST /api/v1/users/{id}/reactivate", (w, t) -> List
			.of(post("/api/v1/users/" + w.user(t) + "/reactivate", null).on(t).before(s -> s.deactivate(t))));
		perTarget(cases, "PUT /api/v1/users/{id}/password",
				(w, t) -> List.of(Call.of("PUT", "/api/v1/users/" + w.user(t) + "/password",
						Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).on(t)));
		perTarget(cases, "POST /api/v1/users/{id}/temporary-password",
				(w, t) -> List.of(post("/api/v1/users/" + w.user(t) + "/temporary-password", null).on(t)));
		// whoever holds the link sets the password: only for someone who may set it already
		perTarget(cases, "POST /api/v1/users/{id}/password-reset-link",
				(w, t) -> List.of(post("/api/v1/users/" + w.user(t) + "/password-reset-link", null).on(t)));
	}

	private static void userSecurity(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		perTarget(cases, "PUT /api/v1/users/{userId}/ip-allowlist", (w, t) -> List.of(Call
			.of("PUT", "/api/v1/users/" + w.user(t) + "/ip-allowlist", Map.of("rules", List.of("203.0.113.9")))
			.on(t)));
		perTarget(cases, "DELETE /api/v1/users/{userId}/sessions",
				(w, t) -> List.of(Call.of("DELETE", "/api/v1/users/" + w.user(t) + "/sessions", null).on(t)));
		perTarget(cases, "DELETE /api/v1/users/{userId}/mfa", (w, t) -> List.of(Call
			.of("DELETE", "/api/v1/users/" + w.user(t) + "/mfa", null).on(t).before(s -> s.enrolSecondFactor(t))));
		perTarget(cases, "DELETE /api/v1/users/{userId}/sign-in-lock", (w, t) -> List.of(Call
			.of("DELETE", "/api/v1/users/" + w.user(t) + "/sign-in-lock", null).on(t).before(s -> s.lockSignIn(t))));
		perTarget(cases, "DELETE /api/v1/users/{userId}/tokens/{tokenId}", (w, t) -> List
			.of(Call.of("DELETE", "/api/v1/users/" + w.user(t) + "/tokens/" + w.tokens.get(t), null).on(t)));
		perTarget(cases, "PUT /api/v1/users/{userId}/restriction", (w, t) -> List.of(Call
			.of("PUT", "/api/v1/users/" + w.user(t) + "/restriction", Map.of("resourceId", w.resource("w1")))
			.on(t)));
		perTarget(cases, "DELETE /api/v1/users/{userId}/restriction",
				(w, t) -> List.of(Call.of("DELETE", "/api/v1/users/" + w.user(t) + "/restriction", null).on(t)));
		cases.put("DELETE /api/v1/sign-in-locks/addresses/{address}",
				w -> List.of(Call.of("DELETE", "/api/v1/sign-in-locks/addresses/198.51.100.77", null)));
	}

	/** The actor's own account: a scoped token changes none of it. */
	private static void me(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("PATCH /api/v1/me",
				w -> List.of(Call.of("PATCH", "/api/v1/me", Map.of("displayName", "Renamed")).on("actor")));
		cases.put("POST /api/v1/me/password", w -> List.of(post("/api/v1/me/password",
				Map.of("currentPassword", ACTOR_PASSWORD, "newPassword", NEW_PASSWORD)).on("actor")));
		cases.put("POST /api/v1/me/email", w -> List.of(post("/api/v1/me/email",
				Map.of("email", w.email("actor-new"), "currentPassword", ACTOR_PASSWORD)).on("actor")));
		cases.put("POST /api/v1/me/email/verification",
				w -> List.of(post("/api/v1/me/email/verification", null)));
		cases.put("POST /api/v1/me/tokens", w -> List.of(post("/api/v1/me/tokens", Map.of("name", "minted")),
				post("/api/v1/me/tokens", Map.of("name", "minted-scoped", "permissions", List.of("users:read")))));
		cases.put("DELETE /api/v1/me/tokens/{id}",
				w -> List.of(Call.of("DELETE", "/api/v1/me/tokens/" + w.actorOtherTokenId, null).on("actor")));
		cases.put("POST /api/v1/me/tokens/reset", w -> List.of(post("/api/v1/me/tokens/reset", null).on("actor")));
		cases.put("DELETE /api/v1/me/sessions/{id}",
				w -> List.of(Call.of("DELETE", "/api/v1/me/sessions/" + w.actorSessionId, null).on("actor")));
		cases.put("DELETE /api/v1/me/sessions", w -> List.of(Call.of("DELETE", "/api/v1/me/sessions", null).on("actor")));
		// only ever the caller's own consent: it takes from the caller, never gives
		cases.put("DELETE /api/v1/me/consents/{clientId}",
				w -> List.of(Call.of("DELETE", "/api/v1/me/consents/" + UUID.randomUUID(), null).on("actor")));
		cases.put("POST /api/v1/me/mfa/totp", w -> List.of(post("/api/v1/me/mfa/totp", null).on("actor")));
		cases.put("POST /api/v1/me/mfa/totp/confirm",
				w -> List.of(post("/api/v1/me/mfa/totp/confirm", Map.of("code", "123456")).on("actor")));
		cases.put("POST /api/v1/me/mfa/recovery-codes", w -> List.of(post("/api/v1/me/mfa/recovery-codes",
				(Function<CaseSupport, Object>) s -> Map.of("code", s.actorCode())).on("actor")
			.before(CaseSupport::enrolActorSecondFactor)));
		cases.put("DELETE /api/v1/me/mfa", w -> List.of(Call.of("DELETE", "/api/v1/me/mfa",
				(Function<CaseSupport, Object>) s -> Map.of("code", s.actorCode())).on("actor")
			.before(CaseSupport::enrolActorSecondFactor)));
	}

	/** Doors that need no credential: nothing of the caller's counts, and they must give nobody anything. */
	private static void signInAndLinks(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/session", w -> List.of(post("/api/v1/session",
				Map.of("login", w.username("t-sysadmin"), "password", "not-the-password"))));
		cases.put("POST /api/v1/session/second-factor", w -> List.of(post("/api/v1/session/second-factor",
				Map.of("challenge", "made-up", "code", "123456"))));
		cases.put("DELETE /api/v1/session", w -> List.of(Call.of("DELETE", "/api/v1/session", null)));
		cases.put("POST /api/v1/password-resets",
				w -> List.of(post("/api/v1/password-resets", Map.of("email", w.email("t-sysadmin")))));
		cases.put("POST /api/v1/password-resets/complete", w -> List.of(post("/api/v1/password-resets/complete",
				Map.of("token", "made-up", "password", NEW_PASSWORD))));
		cases.put("POST /api/v1/email-confirmations",
				w -> List.of(post("/api/v1/email-confirmations", Map.of("token", "made-up"))));
		cases.put("POST /api/v1/invitations/accept", w -> List.of(post("/api/v1/invitations/accept",
				Map.of("token", "made-up", "password", NEW_PASSWORD))));
		cases.put("POST /api/v1/authz/check", w -> List.of(post("/api/v1/authz/check",
				Map.of("user", w.actor().toString(), "permission", "users:update", "resource", INSTANCE.toString()))));
		cases.put("POST /api/v1/authz/check/batch", w -> List.of(post("/api/v1/authz/check/batch", Map.of("checks",
				List.of(Map.of("user", w.actor().toString(), "permission", "users:update"))))));
	}

	private static void invitations(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/invitations", w -> List.of(
				post("/api/v1/invitations", Map.of("email", w.email("invited-admin"), "roles", List.of(ADMIN))),
				post("/api/v1/invitations", Map.of("email", w.email("invited-w2"), "bindings",
						List.of(grant(ADMIN, w.resource("w2"))))),
				post("/api/v1/invitations", Map.of("email", w.email("invited-crud"), "groups",
						List.of(w.group("g-crud"))))));
		cases.put("POST /api/v1/invitations/{id}/resend", w -> List
			.of(post("/api/v1/invitations/" + w.user("t-pending") + "/resend", null).on("t-pending")));
		cases.put("POST /api/v1/invitations/{id}/link", w -> List
			.of(post("/api/v1/invitations/" + w.user("t-pending") + "/link", null).on("t-pending")));
		cases.put("DELETE /api/v1/invitations/{id}",
				w -> List.of(Call.of("DELETE", "/api/v1/invitations/" + w.user("t-pending"), null).on("t-pending")));
	}

	private static void resources(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/resources", w -> List.of(
				post("/api/v1/resources", Map.of("type", "project", "name", w.name("new-p"), "parentId",
						w.resource("w1").toString())),
				// made for someone else: a grant of Admin to them
				post("/api/v1/resources", Map.of("type", "project", "name", w.name("given-p"), "parentId",
						w.resource("w2").toString(), "ownerId", w.user("t-plain").toString())),
				post("/api/v1/resources", Map.of("type", "workspace", "name", w.name("given-w"), "ownerId",
						w.user("t-plain").toString()))));
		cases.put("PATCH /api/v1/resources/{id}", w -> List.of(
				// moving a project under a workspace of one's own would make one Admin of it
				Call.of("PATCH", "/api/v1/resources/" + w.resource("p1"), Map.of("parentId", w.resource("mine"))),
				Call.of("PATCH", "/api/v1/resources/" + w.resource("p2"), Map.of("parentId", w.resource("mine"))),
				Call.of("PATCH", "/api/v1/resources/" + w.resource("e1"), Map.of("parentId", w.resource("p2"))),
				// one's own project inside someone else's workspace: moving it out takes it from the workspace's admins
				Call.of("PATCH", "/api/v1/resources/" + w.resource("mine-in-w2"), Map.of("parentId", w.resource("mine"))),
				Call.of("PATCH", "/api/v1/resources/" + w.resource("w1"), Map.of("name", w.name("renamed"))),
				Call.of("PATCH", "/api/v1/resources/" + INSTANCE, Map.of("name", "Instance"))));
		cases.put("POST /api/v1/resources/{id}/owner", w -> {
			List<Call> calls = new ArrayList<>();
			for (String resource : List.of("instance", "w1", "p1", "w2", "p2")) {
				calls.add(post("/api/v1/resources/" + w.resource(resource) + "/owner",
						Map.of("ownerId", w.actor().toString())));
			}
			// the owner of w2 loses Admin there
			calls.add(post("/api/v1/resources/" + w.resource("w2") + "/owner",
					Map.of("ownerId", w.user("t-plain").toString())).on("t-owner"));
			return calls;
		});
		cases.put("DELETE /api/v1/resources/{id}", w -> List.of(
				Call.of("DELETE", "/api/v1/resources/" + w.resource("e1"), null),
				Call.of("DELETE", "/api/v1/resources/" + w.resource("p2"), null)));
	}

	private static void bindings(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/resources/{id}/bindings", w -> {
			List<Call> calls = new ArrayList<>();
			for (String resource : List.of("instance", "w1", "w2", "mine")) {
				calls.add(post("/api/v1/resources/" + w.resource(resource) + "/bindings",
						bind("user", w.actor(), ADMIN)));
				// the actor is in g-empty: whatever the group gets, the actor gets
				calls.add(post("/api/v1/resources/" + w.resource(resource) + "/bindings",
						bind("group", w.group("g-empty"), ADMIN)));
			}
			calls.add(post("/api/v1/resources/" + INSTANCE + "/bindings",
					bind("user", w.actor(), BuiltInRoles.SYSTEM_ADMINISTRATOR)));
			calls.add(post("/api/v1/resources/" + INSTANCE + "/bindings", Map.of("principalType", "user",
					"principalId", w.actor().toString(), "policy", "write")));
			return calls;
		});
		cases.put("POST /api/v1/bindings/batch", w -> List.of(post("/api/v1/bindings/batch", Map.of("bindings",
				List.of(Map.of("principalType", "user", "principalId", w.actor().toString(), "roleId",
						EDITOR.toString(), "resourceId", w.resource("w1").toString()), Map.of("principalType",
								"group", "principalId", w.group("g-empty").toString(), "roleId", ADMIN.toString(),
								"resourceId", INSTANCE.toString()))))));
		perTarget(cases, "DELETE /api/v1/bindings/{bindingId}", (w, t) -> w.bindings.get(t)
			.stream()
			.map(binding -> Call.of("DELETE", "/api/v1/bindings/" + binding, null).on(t))
			.toList());
	}

	private static void roles(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/roles", w -> List.of(
				post("/api/v1/roles", Map.of("name", w.name("everything"), "permissions", List.of("*:*"))),
				post("/api/v1/roles", Map.of("name", w.name("w1-everything"), "permissions", List.of("*:*"),
						"definedAt", w.resource("w1").toString()))));
		cases.put("PUT /api/v1/roles/{id}", w -> List.of(
				// the help desk role is held by the USERS_UPDATE_ROLE actor and by t-helpdesk
				Call.of("PUT", "/api/v1/roles/" + w.role("helpdesk"), Map.of("name", w.name("Help desk"),
						"permissions", List.of("users:*", "roles:*", "projects:*"))),
				Call.of("PUT", "/api/v1/roles/" + w.role("helpdesk"), Map.of("name", w.name("Help desk"),
						"permissions", List.of())).on("t-helpdesk"),
				Call.of("PUT", "/api/v1/roles/" + w.role("unused"), Map.of("name", w.name("Unused"), "permissions",
						List.of("*:*")))));
		cases.put("DELETE /api/v1/roles/{id}", w -> List.of(
				Call.of("DELETE", "/api/v1/roles/" + w.role("unused"), null),
				Call.of("DELETE", "/api/v1/roles/" + w.role("helpdesk"), null).on("t-helpdesk")));
	}

	private static void groups(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/groups", w -> List.of(post("/api/v1/groups",
				Map.of("name", w.name("new-group"), "profile", Map.of("globalActions", List.of("create", "read",
						"update", "delete"))))));
		cases.put("POST /api/v1/groups/default-reseller",
				w -> List.of(post("/api/v1/groups/default-reseller", Map.of("name", w.name("reseller")))));
		cases.put("PUT /api/v1/groups/{id}", w -> List.of(
				// the actor is a member of g-empty
				Call.of("PUT", "/api/v1/groups/" + w.group("g-empty"), Map.of("name", w.name("g-empty"), "profile",
						Map.of("globalActions", List.of("create", "read", "update", "delete")))),
				Call.of("PUT", "/api/v1/groups/" + w.group("g-crud"), Map.of("name", w.name("g-crud")))
					.on("t-profile")));
		cases.put("DELETE /api/v1/groups/{id}", w -> List.of(
				Call.of("DELETE", "/api/v1/groups/" + w.group("g-crud"), null).on("t-profile"),
				Call.of("DELETE", "/api/v1/groups/" + w.group("g-support"), null)));
		cases.put("POST /api/v1/groups/{id}/members", w -> {
			List<Call> calls = new ArrayList<>();
			for (String group : List.of("g-admins", "g-crud", "g-support", "g-empty")) {
				calls.add(post("/api/v1/groups/" + w.group(group) + "/members",
						Map.of("userId", w.actor().toString())));
			}
			return calls;
		});
		cases.put("DELETE /api/v1/groups/{id}/members/{userId}", w -> List.of(
				Call.of("DELETE", "/api/v1/groups/" + w.group("g-admins") + "/members/" + w.user("t-group-admin"),
						null).on("t-group-admin"),
				Call.of("DELETE", "/api/v1/groups/" + w.group("g-crud") + "/members/" + w.user("t-profile"), null)
					.on("t-profile"),
				Call.of("DELETE", "/api/v1/groups/" + w.group("g-empty") + "/members/" + w.user("t-plain"), null)
					.on("t-plain")));
	}

	/** The catalog: what every role grants can change with it. */
	private static void catalog(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/permissions", w -> List.of(post("/api/v1/permissions",
				Map.of("area", w.name("invoices"), "actions", List.of("read", "approve")))));
		cases.put("PUT /api/v1/permissions/{area}", w -> List.of(Call
			.of("PUT", "/api/v1/permissions/" + w.name("billing"), Map.of("actions", List.of("read")))
			.before(CaseSupport::registerArea)));
		cases.put("DELETE /api/v1/permissions/{area}", w -> List.of(
				Call.of("DELETE", "/api/v1/permissions/" + w.name("billing"), null).before(CaseSupport::registerArea)));
		cases.put("POST /api/v1/resource-types",
				w -> List.of(post("/api/v1/resource-types", Map.of("name", w.name("cluster")))));
		cases.put("DELETE /api/v1/resource-types/{name}", w -> List.of(Call
			.of("DELETE", "/api/v1/resource-types/" + w.name("cluster"), null)
			.before(CaseSupport::registerResourceType)));
	}

	/**
	 * A provider hands out what its defaults and mappings say to whoever it vouches for, so each is a grant of the
	 * actor's; linking by email and moving where its keys are read let it speak for accounts that exist already.
	 */
	private static void identityProviders(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/identity-providers", w -> List.of(
				post("/api/v1/identity-providers", provider(w, "idp-admin", Map.of("mappings",
						List.of(Map.of("claim", "groups", "value", "admins", "roleId", ADMIN.toString()))))),
				post("/api/v1/identity-providers", provider(w, "idp-w1", Map.of("mappings", List.of(Map.of("claim",
						"groups", "value", "w1", "roleId", ADMIN.toString(), "resourceId",
						w.resource("w1").toString()))))),
				post("/api/v1/identity-providers", provider(w, "idp-group", Map.of("mappings",
						List.of(Map.of("claim", "groups", "value", "g", "groupId", w.group("g-admins").toString()))))),
				post("/api/v1/identity-providers", provider(w, "idp-default", Map.of("defaultRole", ADMIN.toString(),
						"defaultGroups", List.of(w.group("g-crud").toString())))),
				post("/api/v1/identity-providers", provider(w, "idp-link", Map.of("linkByEmail", true)))));
		cases.put("PUT /api/v1/identity-providers/{id}", w -> {
			UUID id = UUID.randomUUID();
			return List.of(
					Call.of("PUT", "/api/v1/identity-providers/" + id, provider(w, "idp-put", Map.of("mappings",
							List.of(Map.of("claim", "groups", "value", "admins", "roleId", ADMIN.toString())))))
						.before(s -> s.identityProvider(id, "idp-put"))
						.after(s -> s.removeIdentityProvider(id)),
					Call.of("PUT", "/api/v1/identity-providers/" + id, provider(w, "idp-put",
							Map.of("linkByEmail", true, "discoveryUrl", "http://127.0.0.1:9/elsewhere")))
						.before(s -> s.identityProvider(id, "idp-put"))
						.after(s -> s.removeIdentityProvider(id)));
		});
		for (String action : List.of("enable", "disable", "test")) {
			cases.put("POST /api/v1/identity-providers/{id}/" + action, w -> {
				UUID id = UUID.randomUUID();
				return List.of(post("/api/v1/identity-providers/" + id + "/" + action, null)
					.before(s -> s.identityProvider(id, "idp-" + action))
					.after(s -> s.removeIdentityProvider(id)));
			});
		}
		cases.put("DELETE /api/v1/identity-providers/{id}", w -> {
			UUID id = UUID.randomUUID();
			return List.of(Call.of("DELETE", "/api/v1/identity-providers/" + id, null)
				.before(s -> s.identityProvider(id, "idp-delete"))
				.after(s -> s.removeIdentityProvider(id)));
		});
	}

	private static Map<String, Object> provider(EscalationWorld w, String name, Map<String, Object> settings) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("alias", CaseSupport.alias(w, name), "displayName", name,
				"issuer", "http://127.0.0.1:9/" + name, "clientId", "gatehouse", "clientSecret", "secret"));
		body.putAll(settings);
		return body;
	}

	/**
	 * Applications: their tokens speak only for the user who signed in to them (or for no user), and the API takes
	 * none of them as a credential, so registering one as first-party with every scope and grant gives nobody more.
	 */
	private static void applications(Map<String, Function<EscalationWorld, List<Call>>> cases) {
		cases.put("POST /api/v1/applications", w -> List.of(post("/api/v1/applications",
				Map.of("name", w.name("app"), "type", "confidential", "firstParty", true, "redirectUris",
						List.of("https://app.example/callback"), "scopes",
						List.of("openid", "profile", "email", "roles", "groups"), "grantTypes",
						List.of("authorization_code", "refresh_token", "client_credentials")))));
		cases.put("PATCH /api/v1/applications/{id}", w -> {
			UUID id = CaseSupport.applicationId(w);
			return List.of(Call.of("PATCH", "/api/v1/applications/" + id, Map.of("firstParty", true, "scopes",
					List.of("openid", "profile", "email", "roles", "groups")))
				.before(s -> s.registerApplication(id)));
		});
		cases.put("DELETE /api/v1/applications/{id}", w -> {
			UUID id = CaseSupport.applicationId(w);
			return List.of(Call.of("DELETE", "/api/v1/applications/" + id, null).before(s -> s.registerApplication(id)));
		});
		cases.put("POST /api/v1/applications/{id}/secret", w -> {
			UUID id = CaseSupport.applicationId(w);
			return List.of(post("/api/v1/applications/" + id + "/secret", null).before(s -> s.registerApplication(id)));
		});
	}

	/** One case per target user, from the one who holds everything down to the one who holds nothing. */
	private static void perTarget(Map<String, Function<EscalationWorld, List<Call>>> cases, String operation,
			BiFunction<EscalationWorld, String, List<Call>> calls) {
		cases.put(operation, w -> {
			List<Call> all = new ArrayList<>();
			for (String target : EscalationWorld.TARGETS) {
				all.addAll(calls.apply(w, target));
			}
			return all;
		});
	}

	private static Call post(String path, Object body) {
		return Call.of("POST", path, body);
	}

	private static Map<String, Object> grant(UUID role, UUID resource) {
		return Map.of("roleId", role.toString(), "resourceId", resource.toString());
	}

	private static Map<String, Object> bind(String type, UUID principal, UUID role) {
		return Map.of("principalType", type, "principalId", principal.toString(), "roleId", role.toString());
	}
}
