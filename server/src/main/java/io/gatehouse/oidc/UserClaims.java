package io.gatehouse.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gatehouse.access.RoleLabels;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * What an application learns about a user, scope by scope: {@code profile} the names and time zone, {@code email}
 * the address and whether it is verified, {@code roles} the roles in Gatehouse's {@code Workspace: Role} form with
 * the resource ids, {@code groups} the group names. {@code sub} is the user's id, which never changes.
 */
@Component
class UserClaims {

	private final UserDirectory users;

	private final RoleLabels roles;

	private final GroupManagement groups;

	UserClaims(UserDirectory users, RoleLabels roles, GroupManagement groups) {
		this.users = users;
		this.roles = roles;
		this.groups = groups;
	}

	/** The user if they may still act now; principals that are not user ids (a client's own) are not users. */
	Optional<User> activeUser(String principalName) {
		UUID id;
		try {
			id = UUID.fromString(principalName);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return users.findActive(id);
	}

	Map<String, Object> of(User user, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.id().toString());
		if (scopes.contains("profile")) {
			claims.put("preferred_username", user.username());
			String name = displayName(user);
			if (name != null) {
				claims.put("name", name);
			}
			putIfPresent(claims, "given_name", user.firstName());
			putIfPresent(claims, "family_name", user.lastName());
			putIfPresent(claims, "zoneinfo", user.timeZone());
		}
		if (scopes.contains("email")) {
			claims.put("email", user.email());
			claims.put("email_verified", user.emailVerified());
		}
		if (scopes.contains("roles")) {
			// mutable JDK collections: the claims are stored with the authorization as typed JSON, whose reader accepts
			// only the usual collection classes
			claims.put("roles", roles.held(user.id()).stream().map(role -> {
				Map<String, Object> claim = new LinkedHashMap<>();
				claim.put("label", role.label());
				claim.put("name", role.name());
				claim.put("resource", role.resource().toString());
				if (role.profile()) {
					claim.put("permissionProfile", true);
				}
				return claim;
			}).collect(Collectors.toCollection(ArrayList::new)));
		}
		if (scopes.contains("groups")) {
			claims.put("groups", new ArrayList<>(
					groups.groupNamesOf(Actor.system(), List.of(user.id())).getOrDefault(user.id(), List.of())));
		}
		return claims;
	}

	private static String displayName(User user) {
		if (user.displayName() != null && !user.displayName().isBlank()) {
			return user.displayName();
		}
		String joined = ((user.firstName() == null ? "" : user.firstName()) + " "
				+ (user.lastName() == null ? "" : user.lastName())).strip();
		return joined.isEmpty() ? null : joined;
	}

	private static void putIfPresent(Map<String, Object> claims, String name, String value) {
		if (value != null && !value.isBlank()) {
			claims.put(name, value);
		}
	}
}
