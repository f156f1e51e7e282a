package io.gatehouse.console;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A console request authenticated by its Gatehouse session cookie, as Spring Security carries it. */
final class ConsoleAuthentication extends AbstractAuthenticationToken {

	private final ConsoleUser user;

	ConsoleAuthentication(ConsoleUser user) {
		super(List.of());
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public ConsoleUser getPrincipal() {
		return user;
	}

	@Override
	public String getName() {
		return user.user().username();
	}
}
