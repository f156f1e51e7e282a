package io.gatehouse.users;

/** One line of seed 003's "Add people": an email, and a username unless it is to be inferred from the email. */
public record BatchAccount(String email, String username) {
}
