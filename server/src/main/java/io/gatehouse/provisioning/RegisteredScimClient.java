package io.gatehouse.provisioning;

/** A client just registered, with its bearer token: the only time the token is ever shown. */
public record RegisteredScimClient(ScimClient client, String token) {
}
