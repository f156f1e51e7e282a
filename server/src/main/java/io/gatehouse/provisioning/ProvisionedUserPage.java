package io.gatehouse.provisioning;

import java.util.List;

/** One page of a SCIM search: {@code total} counts every match, {@code users} those from startIndex on. */
public record ProvisionedUserPage(long total, List<ProvisionedUser> users) {
}
