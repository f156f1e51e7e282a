package io.gatehouse.api.session;

/** {@code login} is a username or an email address. */
record SignInRequest(String login, String password) {
}
