package io.gatehouse.auth;

/** What a sign-in step leads to: a session, or the second-factor step still to pass. */
public sealed interface SignInStep permits StartedSession, SecondFactorRequired {
}
