package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.RoleLabels;
import io.gatehouse.users.User;
import org.springframework.stereotype.Component;

/**
 * Every answer of the API that shows a user shows the same user: with the roles a {@code GET /users/{id}} would list,
 * read after the change that the answer reports, not an empty list until the next read.
 */
@Component
public class UserViews {

	private final RoleLabels roleLabels;

	UserViews(RoleLabels roleLabels) {
		this.roleLabels = roleLabels;
	}

	public UserJson of(User user) {
		return UserJson.of(user, roleLabels.of(user.id()));
	}

	public List<UserJson> of(List<User> users) {
		Map<UUID, List<String>> roles = roleLabels.of(users.stream().map(User::id).toList());
		return users.stream().map(user -> UserJson.of(user, roles.getOrDefault(user.id(), List.of()))).toList();
	}
}
