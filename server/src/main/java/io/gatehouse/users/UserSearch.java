package io.gatehouse.users;

import java.util.UUID;

/**
 * A page request of the users list.
 *
 * @param query text found anywhere in the username, email, first or last name or full name (first, a space, last),
 * case-insensitive; {@code null} for all. Sorted by username, the usernames starting with the text come first, then
 * the other matches newest first
 * @param dormantDays only users with no sign-in in that many days; {@code null} for all
 * @param cursor where the previous page ended, as returned with it; {@code null} for the first page
 * @param role only users holding this role, directly or through a group; {@code null} for all
 * @param group only members of this group; {@code null} for all
 */
public record UserSearch(String query, UserStatus status, Integer dormantDays, UserSort sort, int limit,
		String cursor, UUID role, UUID group) {

	public static final int MAX_LIMIT = 200;

	public static UserSearch all() {
		return new UserSearch(null, null, null, UserSort.DEFAULT, 50, null, null, null);
	}
}
