package io.gatehouse.access;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** The sentences that explain a decision of the house rule, built only when a caller asks for the decision. */
final class DecisionSentences {

	private final AccessGraph graph;

	DecisionSentences(AccessGraph graph) {
		this.graph = graph;
	}

	static String early(DecisionReason reason, Subject subject, UserAccess user, Permission permission,
			UUID resourceId) {
		UUID userId = subject.userId();
		TokenScope token = subject.tokenScope();
		switch (reason) {
			case UNKNOWN_USER:
				return "Denied: user " + userId + " is unknown.";
			case INACTIVE_USER:
				return "Denied: user " + userId + " is not active.";
			case UNKNOWN_RESOURCE:
				return "Denied: resource " + resourceId + " is unknown.";
			case UNKNOWN_PERMISSION:
				return "Denied: the permission catalog does not declare " + permission + ".";
			case TOKEN_SCOPE:
				if (!token.permits(permission)) {
					return "Denied: the token is limited to " + sorted(token) + ", which does not include " + permission
							+ ".";
				}
				return "Denied: the token is limited to resource " + token.resourceRoot() + ", and resource "
						+ resourceId + " is not inside it.";
			case SYSTEM_ADMINISTRATOR:
				return "Allowed: user " + userId + " is a System Administrator.";
			case OUTSIDE_RESTRICTION:
				return "Denied: user " + userId + " is restricted to resource " + user.restrictionRoot()
						+ ", and resource " + resourceId + " is not inside it.";
			default:
				throw new IllegalStateException("Not decided before bindings: " + reason);
		}
	}

	String grant(Binding granting, Permission permission, UUID resource) {
		if (granting.isOwnership()) {
			return "Allowed: user " + granting.principalId() + " owns resource " + resource
					+ ", which makes them Admin there; Admin grants " + permission + ".";
		}
		if (granting.isGroupProfile()) {
			return "Allowed: the permission profile of group " + granting.principalId() + ", which applies at the root "
					+ resource + ", grants " + permission + ".";
		}
		// Looked up again rather than carried out of granting(), which stays allocation-free for allows().
		RoleDefinition role = graph.role(granting.roleId());
		String name = role == null ? "role " + granting.roleId() : role.name();
		return "Allowed: " + name + " bound to " + principal(granting)
				+ " at resource " + resource + " grants " + permission + ".";
	}

	String denial(UserAccess user, Permission permission, List<UUID> path, int at,
			List<Binding> counted) {
		StringBuilder sentence = new StringBuilder("Denied: resource ").append(path.get(at))
			.append(" is the nearest with bindings for user ")
			.append(user.userId())
			.append(", and none of them grants ")
			.append(permission)
			.append(": ");
		for (int i = 0; i < counted.size(); i++) {
			Binding binding = counted.get(i);
			if (i > 0) {
				sentence.append("; ");
			}
			if (binding.isGroupProfile()) {
				sentence.append("the permission profile of group ").append(binding.principalId());
				continue;
			}
			RoleDefinition role = graph.role(binding.roleId());
			if (role == null) {
				sentence.append("unknown role ").append(binding.roleId());
			}
			else {
				sentence.append(role.name());
			}
			sentence.append(" bound to ").append(principal(binding));
			if (role != null && !PolicyEvaluator.appliesAt(role, path, at)) {
				sentence.append(" (defined in workspace ").append(role.definedAt()).append(", so not in force here)");
			}
		}
		return sentence.append('.').toString();
	}

	private static String principal(Binding binding) {
		return (binding.principalType() == PrincipalType.USER ? "user " : "group ") + binding.principalId();
	}

	private static String sorted(TokenScope token) {
		TreeSet<String> patterns = new TreeSet<>();
		for (PermissionPattern pattern : token.permissions()) {
			patterns.add(pattern.toString());
		}
		return String.join(", ", patterns);
	}
}
