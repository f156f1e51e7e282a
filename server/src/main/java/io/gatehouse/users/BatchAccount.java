package io.gatehouse.users;

/** One line of "Add people": an email, and a username unless it is to be inferred from the email. */
public record BatchAccount(String email, String username) {
}
