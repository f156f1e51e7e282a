package io.gatehouse.scim;

import java.util.List;

import io.gatehouse.shared.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A request of a registered SCIM client, acting as its registering administrator narrowed to the SCIM scope. */
final class ScimAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	ScimAuthentication(Actor actor) {
		super(List.of());
		this.actor = actor;
		setAuthenticated(true);
	}

	/** The calling client as every service sees it; the security chain lets no unauthenticated request this far. */
	static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ScimAuthentication scim) {
			return scim.actor;
		}
		throw new IllegalStateException("no SCIM client on this request");
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
