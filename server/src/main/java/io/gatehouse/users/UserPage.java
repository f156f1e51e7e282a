package io.gatehouse.users;

import java.util.List;

/** One page of users, and the cursor of the next page ({@code null} on the last). */
public record UserPage(List<User> items, String nextCursor) {
}
