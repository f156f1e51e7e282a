package io.gatehouse.access;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.DomainException;

/**
 * An object policy of a resource's access: {@code read}, {@code write} or {@code none}. Each is only another name
 * for a built-in role (Viewer, Editor, No Access), so a binding made with a policy is a role binding like any other
 * and reads back as that policy.
 */
public enum ObjectPolicy {

	READ(BuiltInRoles.VIEWER, BuiltInRoles.VIEWER_NAME),

	WRITE(BuiltInRoles.EDITOR, BuiltInRoles.EDITOR_NAME),

	NONE(BuiltInRoles.NO_ACCESS, BuiltInRoles.NO_ACCESS_NAME);

	private final UUID roleId;

	private final String roleName;

	ObjectPolicy(UUID roleId, String roleName) {
		this.roleId = roleId;
		this.roleName = roleName;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public UUID roleId() {
		return roleId;
	}

	public String roleName() {
		return roleName;
	}

	/** The policy a client named, in any case; anything else is refused naming the {@code policy} field. */
	public static ObjectPolicy parse(String code) {
		String wanted = code == null ? null : code.toLowerCase(Locale.ROOT);
		for (ObjectPolicy policy : values()) {
			if (policy.code().equals(wanted)) {
				return policy;
			}
		}
		throw DomainException.invalidField("policy", "one-of", "must be read, write or none");
	}

	/** The policy a role stands for, if it is one of the three. */
	public static Optional<ObjectPolicy> ofRole(UUID roleId) {
		for (ObjectPolicy policy : values()) {
			if (policy.roleId.equals(roleId)) {
				return Optional.of(policy);
			}
		}
		return Optional.empty();
	}
}
