package io.gatehouse.users;

/**
 * What a password sign-in attempt found. Only {@link Outcome#ACCEPTED} carries a user; the other outcomes are for
 * the sign-in record and audit, never for the client, who gets one generic answer for all of them.
 */
public record PasswordCheck(Outcome outcome, User user) {

	public enum Outcome {
		ACCEPTED, UNKNOWN_LOGIN, WRONG_PASSWORD, NO_PASSWORD, INACTIVE
	}

	public boolean accepted() {
		return outcome == Outcome.ACCEPTED;
	}
}
