package io.gatehouse.auth;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.User;

/** A request's proven identity: the active user, and the session or token that proved it. */
public record Authenticated(User user, UUID sessionId, UUID tokenId) {

	public Actor actor(String clientIp) {
		return new Actor(user.id(), user.username(), clientIp, sessionId, tokenId);
	}
}
