package io.gatehouse.audit;

import static io.gatehouse.audit.AuditEntry.aboutUser;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
import io.gatehouse.resources.ResourceChanged;
import io.gatehouse.resources.RestrictionChanged;
import io.gatehouse.roles.CatalogChanged;
import io.gatehouse.roles.RoleChanged;
import io.gatehouse.settings.SettingsChanged;
import io.gatehouse.shared.AuditedEvent;
import io.gatehouse.tokens.PersonalAccessToken;
import io.gatehouse.tokens.TokenCreated;
import io.gatehouse.tokens.TokenRevoked;
import io.gatehouse.users.EmailChangeRequested;
import io.gatehouse.users.EmailChanged;
import io.gatehouse.users.EmailVerified;
import io.gatehouse.users.InvitationAccepted;
import io.gatehouse.users.InvitationLinkIssued;
import io.gatehouse.users.PasswordResetLinkIssued;
import io.gatehouse.users.InvitationResent;
import io.gatehouse.users.PasswordOrigin;
import io.gatehouse.users.PasswordResetRequested;
import io.gatehouse.users.PasswordSet;
import io.gatehouse.users.UserCreated;
import io.gatehouse.users.UserDeactivated;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserInvited;
import io.gatehouse.users.UserReactivated;
import io.gatehouse.users.UserUpdated;

/**
 * How each event reads in the audit log: its action, what it is about and the facts worth keeping. One table here
 * rather than a method on every event, so the events stay plain facts and the log's vocabulary is read in one place.
 */
final class AuditEntries {

	private static final Map<Class<?>, Function<AuditedEvent, AuditEntry>> ENTRIES = new HashMap<>();

	private static final Map<PasswordOrigin, String> PASSWORD_ACTIONS = new EnumMap<>(Map.of(
			PasswordOrigin.SET_BY_ADMIN, "user.password.set", PasswordOrigin.TEMPORARY,
			"user.password.temporary-issued", PasswordOrigin.CHANGED_BY_USER, "user.password.changed",
			PasswordOrigin.RESET, "user.password.reset"));

	static {
		on(UserCreated.class, e -> aboutUser("user.created", e.userId())
			.with(Map.of("username", e.user().username(), "status", e.user().status().code())));
		on(UserUpdated.class, e -> aboutUser("user.updated", e.userId()).with(Map.of("fields", e.fields())));
		on(UserInvited.class, e -> aboutUser("user.invited", e.userId())
			.with(Map.of("groups", e.groups(), "bindings", e.bindings())));
		on(InvitationResent.class, e -> aboutUser("user.invitation-resent", e.userId()));
		on(InvitationLinkIssued.class, e -> aboutUser("user.invitation-link-copied", e.userId()));
		on(PasswordResetLinkIssued.class, e -> aboutUser("user.password-reset-link-copied", e.userId()));
		on(InvitationAccepted.class, e -> aboutUser("user.invitation-accepted", e.userId()));
		on(UserDeleted.class,
				e -> aboutUser(e.invitation() ? "user.invitation-cancelled" : "user.deleted", e.userId()));
		on(UserDeactivated.class, e -> aboutUser("user.deactivated", e.userId()));
		on(UserReactivated.class, e -> aboutUser("user.reactivated", e.userId()));
		on(EmailChangeRequested.class, e -> aboutUser("user.email-change-requested", e.userId()));
		on(EmailVerified.class, e -> aboutUser("user.email-verified", e.userId()));
		on(EmailChanged.class, e -> aboutUser("user.email-changed", e.userId()));
		on(PasswordSet.class, e -> aboutUser(PASSWORD_ACTIONS.get(e.how()), e.userId()));
		on(PasswordResetRequested.class, e -> aboutUser("user.password-reset-requested", e.userId())
			.with(Map.of("result", e.result())));
		on(IpAllowlistChanged.class,
				e -> aboutUser("user.ip-allowlist.changed", e.userId()).with(Map.of("rules", e.rules())));

		on(SignInAttempted.class, e -> aboutUser("auth.sign-in", e.userId())
			.with(Map.of("login", e.login() == null ? "" : e.login(), "result", e.result()))
			.outcome(signInOutcome(e.result())));
		on(SignedOut.class, e -> aboutUser("auth.sign-out", e.actor().userId()));
		on(SignInLocked.class, e -> new AuditEntry("auth.locked", e.targetType(), e.targetId())
			.with(Map.of("failures", e.failures(), "lockedUntil", e.lockedUntil().toString())));
		on(SignInUnlocked.class, e -> new AuditEntry("auth.unlocked", e.targetType(), e.targetId()));
		on(SessionRevoked.class, e -> aboutUser("session.revoked", e.userId())
			.with(e.sessionId() == null ? Map.of("count", e.count(), "reason", e.reason())
					: Map.of("sessionId", e.sessionId().toString(), "count", e.count(), "reason", e.reason())));

		on(MfaEnrolled.class, e -> aboutUser("mfa.enrolled", e.userId()));
		on(MfaRemoved.class, e -> aboutUser("mfa.removed", e.userId()));
		on(MfaReset.class, e -> aboutUser("mfa.reset", e.userId()));
		on(RecoveryCodeUsed.class, e -> aboutUser("mfa.recovery-code.used", e.userId()));
		on(RecoveryCodesRegenerated.class, e -> aboutUser("mfa.recovery-codes.regenerated", e.userId()));

		on(SettingsChanged.class, e -> new AuditEntry("settings.updated", "settings", "instance")
			.with(Map.of("changes", e.changes(), "version", e.version())));

		on(ResourceChanged.class, e -> new AuditEntry(e.action(), "resource", e.resource().id().toString())
			.with(Map.of("type", e.resource().type(), "name", e.resource().name(), "parent",
					String.valueOf(e.resource().parentId()), "owner", String.valueOf(e.resource().ownerId()))));
		on(BindingChanged.class, e -> new AuditEntry(e.action(), "binding", e.binding().id().toString())
			.with(Map.of("principalType", e.binding().principalType().name(), "principalId",
					e.binding().principalId().toString(), "roleId", e.binding().roleId().toString(), "resourceId",
					e.binding().resourceId().toString())));
		on(RestrictionChanged.class, e -> aboutUser(
				e.resourceId() == null ? "access.restriction.removed" : "access.restriction.set", e.userId())
			.with(Map.of("resourceId", String.valueOf(e.resourceId()))));
		on(SystemAdministratorGranted.class, e -> aboutUser("access.system-administrator.granted", e.userId()));
		on(UserAccessRemoved.class, e -> aboutUser("access.user-removed", e.userId())
			.with(Map.of("bindings", e.bindings(), "memberships", e.memberships(), "restriction", e.restriction())));
		on(GroupChanged.class, e -> new AuditEntry(e.action(), "group", e.groupId().toString())
			.with(e.member() == null ? Map.of("name", e.name())
					: Map.of("name", e.name(), "member", e.member().toString())));
		on(RoleChanged.class, e -> new AuditEntry(e.action(), "role", e.roleId().toString())
			.with(Map.of("name", e.name())));
		on(CatalogChanged.class,
				e -> new AuditEntry(e.action(), e.targetType(), e.targetId()).with(e.details()));

		on(TokenCreated.class, e -> aboutToken("token.created", e.token()));
		on(TokenRevoked.class, e -> aboutToken("token.revoked", e.token()));
	}

	private AuditEntries() {
	}

	static AuditEntry of(AuditedEvent event) {
		Function<AuditedEvent, AuditEntry> entry = ENTRIES.get(event.getClass());
		return entry == null ? AuditEntry.describedBy(event) : entry.apply(event);
	}

	private static <E extends AuditedEvent> void on(Class<E> type, Function<E, AuditEntry> entry) {
		ENTRIES.put(type, event -> entry.apply(type.cast(event)));
	}

	// a sign-in waiting for its second factor is neither a success nor a failure yet
	private static String signInOutcome(String result) {
		if ("accepted".equals(result)) {
			return "success";
		}
		return "second-factor-required".equals(result) ? "pending" : "failure";
	}

	// whose token it is and how to recognise it, never the secret
	private static AuditEntry aboutToken(String action, PersonalAccessToken token) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("owner", token.userId().toString());
		details.put("name", token.name());
		details.put("prefix", token.displayPrefix());
		details.put("expiresAt", String.valueOf(token.expiresAt()));
		return new AuditEntry(action, "token", token.id().toString()).with(details);
	}
}
