package io.gatehouse.console.users;

import java.util.List;

import io.gatehouse.users.User;

/**
 * One line of the users list: the user, their roles as {@code Workspace: Role}, their groups, and the searched
 * cells with the match marked.
 */
record UserRow(User user, List<String> roles, List<String> groups, Highlighted username, Highlighted fullName,
		Highlighted email) {

	static UserRow of(User user, List<String> roles, List<String> groups, String query) {
		String fullName = ((user.firstName() == null ? "" : user.firstName()) + " "
				+ (user.lastName() == null ? "" : user.lastName())).strip();
		return new UserRow(user, roles, groups, Highlighted.of(user.username(), query), Highlighted.of(fullName, query),
				Highlighted.of(user.email(), query));
	}

	/** A deleted account keeps only its id: its row says so instead of showing the placeholders it was left with. */
	public boolean deleted() {
		return user.status() == io.gatehouse.users.UserStatus.DELETED;
	}
}
