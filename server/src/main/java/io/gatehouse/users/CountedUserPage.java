package io.gatehouse.users;

/** A page of the users list and how many users its search finds in all pages. */
public record CountedUserPage(UserPage page, UserCount count) {
}
