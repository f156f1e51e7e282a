package io.gatehouse.users;

import java.time.Instant;

/** Recent sign-in figures of one user. */
public record UserActivity(Instant lastLoginAt, long loginsLast7Days, long loginsLast30Days, long loginsLastYear) {
}
