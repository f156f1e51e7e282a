package io.gatehouse.auth;

import io.gatehouse.users.User;

/** Opens a session for a user without a sign-in, for tests that need one to exist (and to be ended). */
public final class SessionFixtures {

	private SessionFixtures() {
	}

	public static void open(Sessions sessions, User user) {
		sessions.start(user, "192.0.2.1", "fixture", false);
	}
}
