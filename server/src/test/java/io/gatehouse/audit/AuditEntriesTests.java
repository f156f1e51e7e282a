package io.gatehouse.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.gatehouse.access.Binding;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.SystemAdministratorGranted;
import io.gatehouse.allowlist.IpAllowlistChanged;
import io.gatehouse.auth.SessionRevoked;
import io.gatehouse.auth.SignInAttempted;
import io.gatehouse.auth.SignInLocked;
import io.gatehouse.auth.SignInUnlocked;
import io.gatehouse.auth.SignedOut;
import io.gatehouse.groups.GroupChanged;
import io.gatehouse.groups.UserAccessRemoved;
import io.gatehouse.mfa.MfaEnrolled;
import io.gatehouse.mfa.MfaRemoved;
import io.gatehouse.mfa.MfaReset;
import io.gatehouse.mfa.RecoveryCodeUsed;
import io.gatehouse.mfa.RecoveryCodesRegenerated;
import io.gatehouse.resources.BindingChanged;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceChanged;
import io.gatehouse.resources.RestrictionChanged;
import io.gatehouse.roles.CatalogChanged;
import io.gatehouse.roles.RoleChanged;
import io.gatehouse.settings.SettingsChanged;
import io.gatehouse.shared.Actor;
import io.gatehouse.mail.TestMailSent;
import io.gatehouse.shared.AuditedEvent;
import io.gatehouse.tokens.PersonalAccessToken;
import io.gatehouse.tokens.TokenCreated;
import io.gatehouse.tokens.TokenRevoked;
import io.gatehouse.users.EmailChangeRequested;
import io.gatehouse.users.EmailChanged;
import io.gatehouse.users.EmailVerified;
import io.gatehouse.users.InvitationAccepted;
import io.gatehouse.users.InvitationLinkIssued;
import io.gatehouse.users.InvitationResent;
import io.gatehouse.users.PasswordResetLinkIssued;
import io.gatehouse.users.PasswordOrigin;
import io.gatehouse.users.PasswordResetRequested;
import io.gatehouse.users.PasswordSet;
import io.gatehouse.users.User;
import io.gatehouse.users.UserCreated;
import io.gatehouse.users.UserDeactivated;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserInvited;
import io.gatehouse.users.UserReactivated;
import io.gatehouse.users.UserSource;
import io.gatehouse.users.UserStatus;
import io.gatehouse.users.UserUpdated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The audit log's vocabulary, event by event: each row is an event and the action, target, outcome and details its
 * line carries. The names are an interface (filters, dashboards): a row that changes here changes it.
 */
class AuditEntriesTests {

	private static final Actor ADMIN = new Actor(UUID.randomUUID(), "admin", "10.0.0.1", null, null);

	private static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-00000000ada0");

	private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-0000000005e5");

	private static final UUID TOKEN = UUID.fromString("00000000-0000-0000-0000-00000000070c");

	private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

	private static final User ADA_ACCOUNT = new User(ADA, "ada", "ada@example.com", false, "Ada", "Lovelace", null,
			null, null, UserStatus.ACTIVE, UserSource.INTERNAL, null, false, null, AT, AT, 1);

	private static final PersonalAccessToken LAPTOP = new PersonalAccessToken(TOKEN, ADA, "laptop", "gh_pat_ab12",
			AT, null, null, List.of(), null);

	private static final UUID THING = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID PARENT = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

	static Stream<Arguments> entries() {
		Map<String, Object> tokenDetails = Map.of("owner", ADA.toString(), "name", "laptop", "prefix", "gh_pat_ab12",
				"expiresAt", "null");
		return Stream.of(
				arguments(new UserCreated(ADMIN, ADA_ACCOUNT), user("user.created", "success",
						Map.of("username", "ada", "status", "active"))),
				arguments(new UserUpdated(ADMIN, ADA_ACCOUNT, List.of("email"), "old@example.com"),
						user("user.updated", "success", Map.of("fields", List.of("email")))),
				arguments(new UserInvited(ADMIN, ADA, 2, 1),
						user("user.invited", "success", Map.of("groups", 2, "bindings", 1))),
				arguments(new InvitationResent(ADMIN, ADA), user("user.invitation-resent")),
				arguments(new InvitationLinkIssued(ADMIN, ADA), user("user.invitation-link-copied")),
				arguments(new PasswordResetLinkIssued(ADMIN, ADA), user("user.password-reset-link-copied")),
				arguments(new TestMailSent(ADMIN, "logged"), new AuditEntry("mail.test-sent", "user",
						ADMIN.userId().toString(), "success", Map.of("result", "logged"))),
				arguments(new TestMailSent(ADMIN, "failed"), new AuditEntry("mail.test-sent", "user",
						ADMIN.userId().toString(), "failure", Map.of("result", "failed"))),
				arguments(new InvitationAccepted(ADMIN, ADA), user("user.invitation-accepted")),
				arguments(new UserDeleted(ADMIN, ADA, false), user("user.deleted")),
				arguments(new UserDeleted(ADMIN, ADA, true), user("user.invitation-cancelled")),
				arguments(new UserDeactivated(ADMIN, ADA), user("user.deactivated")),
				arguments(new UserReactivated(ADMIN, ADA), user("user.reactivated")),
				arguments(new EmailChangeRequested(ADMIN, ADA), user("user.email-change-requested")),
				arguments(new EmailVerified(ADMIN, ADA), user("user.email-verified")),
				arguments(new EmailChanged(ADMIN, ADA), user("user.email-changed")),
				arguments(new PasswordSet(ADMIN, ADA, PasswordOrigin.SET_BY_ADMIN, null), user("user.password.set")),
				arguments(new PasswordSet(ADMIN, ADA, PasswordOrigin.TEMPORARY, null),
						user("user.password.temporary-issued")),
				arguments(new PasswordSet(ADMIN, ADA, PasswordOrigin.CHANGED_BY_USER, SESSION),
						user("user.password.changed")),
				arguments(new PasswordSet(ADMIN, ADA, PasswordOrigin.RESET, null), user("user.password.reset")),
				arguments(new PasswordResetRequested(ADMIN, ADA, "sent"),
						user("user.password-reset-requested", "success", Map.of("result", "sent"))),
				arguments(new PasswordResetRequested(ADMIN, null, "unknown-address"),
						new AuditEntry("user.password-reset-requested", "user", null, "success",
								Map.of("result", "unknown-address"))),
				arguments(new IpAllowlistChanged(ADMIN, ADA, List.of("10.0.0.0/8")),
						user("user.ip-allowlist.changed", "success", Map.of("rules", List.of("10.0.0.0/8")))),
				arguments(new SignInAttempted(ADMIN, ADA, "ada", "accepted"),
						user("auth.sign-in", "success", Map.of("login", "ada", "result", "accepted"))),
				arguments(new SignInAttempted(ADMIN, ADA, "ada", "second-factor-required"), user("auth.sign-in",
						"pending", Map.of("login", "ada", "result", "second-factor-required"))),
				arguments(new SignInAttempted(ADMIN, null, null, "unknown-login"),
						new AuditEntry("auth.sign-in", "user", null, "failure",
								Map.of("login", "", "result", "unknown-login"))),
				arguments(new SignedOut(ADMIN),
						new AuditEntry("auth.sign-out", "user", ADMIN.userId().toString(), "success", Map.of())),
				arguments(new SignInLocked(ADMIN, "address", "10.0.0.1", 20, AT),
						new AuditEntry("auth.locked", "address", "10.0.0.1", "success",
								Map.of("failures", 20, "lockedUntil", "2026-12-03T10:15:30Z"))),
				arguments(new SignInUnlocked(ADMIN, "user", ADA.toString()), user("auth.unlocked")),
				arguments(new SessionRevoked(ADMIN, ADA, SESSION, 1, "revoked"), user("session.revoked", "success",
						Map.of("sessionId", SESSION.toString(), "count", 1, "reason", "revoked"))),
				arguments(new SessionRevoked(ADMIN, ADA, null, 3, "revoked-by-admin"),
						user("session.revoked", "success", Map.of("count", 3, "reason", "revoked-by-admin"))),
				arguments(new MfaEnrolled(ADMIN, ADA), user("mfa.enrolled")),
				arguments(new MfaRemoved(ADMIN, ADA), user("mfa.removed")),
				arguments(new MfaReset(ADMIN, ADA), user("mfa.reset")),
				arguments(new RecoveryCodeUsed(ADMIN, ADA), user("mfa.recovery-code.used")),
				arguments(new RecoveryCodesRegenerated(ADMIN, ADA), user("mfa.recovery-codes.regenerated")),
				arguments(new SettingsChanged(ADMIN, Map.of("x", Map.of("old", "a", "new", "b")), 7),
						new AuditEntry("settings.updated", "settings", "instance", "success",
								Map.of("changes", Map.of("x", Map.of("old", "a", "new", "b")), "version", 7L))),
				arguments(new ResourceChanged(ADMIN, "resource.created",
						new Resource(THING, "project", "Apollo", PARENT, ADA, null, AT, AT, 1)),
						new AuditEntry("resource.created", "resource", THING.toString(), "success", Map.of("type",
								"project", "name", "Apollo", "parent", PARENT.toString(), "owner", ADA.toString()))),
				arguments(new BindingChanged(ADMIN, "binding.created",
						new Binding(THING, PrincipalType.USER, ADA, PARENT, PARENT)),
						new AuditEntry("binding.created", "binding", THING.toString(), "success",
								Map.of("principalType", "USER", "principalId", ADA.toString(), "roleId",
										PARENT.toString(), "resourceId", PARENT.toString()))),
				arguments(new RestrictionChanged(ADMIN, ADA, PARENT), user("access.restriction.set", "success",
						Map.of("resourceId", PARENT.toString()))),
				arguments(new RestrictionChanged(ADMIN, ADA, null),
						user("access.restriction.removed", "success", Map.of("resourceId", "null"))),
				arguments(new SystemAdministratorGranted(ADMIN, ADA), user("access.system-administrator.granted")),
				arguments(new UserAccessRemoved(ADMIN, ADA, 2, 1, true), user("access.user-removed", "success",
						Map.of("bindings", 2, "memberships", 1, "restriction", true))),
				arguments(new GroupChanged(ADMIN, "group.created", THING, "Ops", null),
						new AuditEntry("group.created", "group", THING.toString(), "success", Map.of("name", "Ops"))),
				arguments(new GroupChanged(ADMIN, "group.member-added", THING, "Ops", ADA),
						new AuditEntry("group.member-added", "group", THING.toString(), "success",
								Map.of("name", "Ops", "member", ADA.toString()))),
				arguments(new RoleChanged(ADMIN, "role.created", THING, "Auditor"),
						new AuditEntry("role.created", "role", THING.toString(), "success", Map.of("name", "Auditor"))),
				arguments(new CatalogChanged(ADMIN, "area.created", "area", "invoices", Map.of("administrative", true)),
						new AuditEntry("area.created", "area", "invoices", "success", Map.of("administrative", true))),
				arguments(new TokenCreated(ADMIN, LAPTOP),
						new AuditEntry("token.created", "token", TOKEN.toString(), "success", tokenDetails)),
				arguments(new TokenRevoked(ADMIN, LAPTOP),
						new AuditEntry("token.revoked", "token", TOKEN.toString(), "success", tokenDetails)));
	}

	@ParameterizedTest
	@MethodSource("entries")
	void eachEventReadsInTheLogAsItAlwaysHas(AuditedEvent event, AuditEntry expected) {
		assertThat(AuditEntries.of(event)).isEqualTo(expected);
	}

	/** The audit log's action filter lists every action of the vocabulary, so none has to be typed from memory. */
	@Test
	void theActionFilterOffersEveryAction() {
		entries().forEach(row -> assertThat(AuditActions.KNOWN)
			.contains(((AuditEntry) row.get()[1]).action()));
	}

	private static AuditEntry user(String action) {
		return user(action, "success", Map.of());
	}

	private static AuditEntry user(String action, String outcome, Map<String, Object> details) {
		return new AuditEntry(action, "user", ADA.toString(), outcome, details);
	}
}
