package io.gatehouse.console.users;

import java.util.List;

import io.gatehouse.users.User;

/** One line of the users list: the user, and their roles as {@code Workspace: Role}. */
record UserRow(User user, List<String> roles) {
}
