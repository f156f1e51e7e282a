package io.gatehouse.api.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.users.BatchAccount;

/**
 * The body of {@code POST /api/v1/users/batch}: the accounts, and the groups and role bindings
 * ({@code [{roleId, resourceId}]}) every one of them gets.
 */
record BatchRequest(List<BatchAccount> accounts, Boolean atomic, List<UUID> groups, List<RoleGrant> bindings) {
}
