package io.gatehouse.api;

import java.util.List;

import io.gatehouse.auth.Authenticated;
import io.gatehouse.shared.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a Gatehouse session or token, as Spring Security carries it. */
final class ActorAuthentication extends AbstractAuthenticationToken {

	private final Authenticated authenticated;

	private final Actor actor;

	ActorAuthentication(Authenticated authenticated, String clientIp) {
		super(List.of());
		this.authenticated = authenticated;
		this.actor = authenticated.actor(clientIp);
		setAuthenticated(true);
	}

	Authenticated authenticated() {
		return authenticated;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Actor getPrincipal() {
		return actor;
	}

	@Override
	public String getName() {
		return actor.username();
	}
}
