package io.gatehouse.audit;

import java.util.List;

/**
 * The actions the log records, for the filter's list. The filter still takes any action or prefix, so an action a
 * host platform adds can be searched before it is listed here.
 */
public final class AuditActions {

	public static final List<String> KNOWN = List.of("access.restriction.removed", "access.restriction.set",
			"access.system-administrator.granted", "access.user-removed", "area.created", "area.deleted",
			"area.updated", "auth.locked", "auth.sign-in", "auth.sign-out", "auth.unlocked", "binding.created",
			"binding.deleted", "group.created", "group.deleted", "group.member-added", "group.member-removed",
			"group.updated", "mail.test-sent", "mfa.enrolled", "mfa.recovery-code.used",
			"mfa.recovery-codes.regenerated", "mfa.removed", "mfa.reset", "resource-type.created",
			"resource-type.deleted", "resource.created", "resource.deleted", "resource.moved",
			"resource.owner-transferred", "resource.renamed", "role.created", "role.deleted", "role.updated",
			"session.revoked", "settings.updated", "token.created", "token.revoked", "user.created",
			"user.deactivated", "user.deleted", "user.email-change-requested", "user.email-changed",
			"user.email-verified", "user.invitation-accepted", "user.invitation-cancelled",
			"user.invitation-link-copied", "user.invitation-resent", "user.invited", "user.ip-allowlist.changed",
			"user.password-reset-link-copied", "user.password-reset-requested", "user.password.changed",
			"user.password.reset", "user.password.set", "user.password.temporary-issued", "user.reactivated",
			"user.updated");

	/** Every area's actions at once: {@code user.*}, {@code auth.*} … */
	public static final List<String> PREFIXES = KNOWN.stream()
		.map(action -> action.substring(0, action.indexOf('.')) + ".*")
		.distinct()
		.toList();

	private AuditActions() {
	}
}
