package io.gatehouse.api.users;

/** A generated password, shown this once; the user must replace it at their next sign-in. */
record TemporaryPasswordJson(String temporaryPassword, boolean mustChangePassword) {
}
