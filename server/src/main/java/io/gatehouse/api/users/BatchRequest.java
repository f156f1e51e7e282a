package io.gatehouse.api.users;

import java.util.List;

import io.gatehouse.users.BatchAccount;

/** The body of {@code POST /api/v1/users/batch}. */
record BatchRequest(List<BatchAccount> accounts, Boolean atomic) {
}
