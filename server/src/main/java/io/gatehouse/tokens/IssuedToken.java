package io.gatehouse.tokens;

/** A token just created, with its secret: the only time the secret is ever shown. */
public record IssuedToken(PersonalAccessToken token, String secret) {
}
