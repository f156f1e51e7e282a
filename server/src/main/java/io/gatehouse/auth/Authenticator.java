package io.gatehouse.auth;

import java.util.Optional;

import io.gatehouse.tokens.TokenAuthentication;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Service;

/** Turns what a request presents, a session secret or a personal access token, into an active user. */
@Service
public class Authenticator {

	private final Sessions sessions;

	private final TokenAuthentication tokens;

	private final UserDirectory users;

	Authenticator(Sessions sessions, TokenAuthentication tokens, UserDirectory users) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.users = users;
	}

	public Optional<Authenticated> bySession(String secret) {
		return sessions.authenticate(secret);
	}

	/** A token works only while its owner is active: checked on every request, so deactivation stops it at once. */
	public Optional<Authenticated> byToken(String token) {
		return tokens.authenticate(token)
			.flatMap(grant -> users.findActive(grant.userId())
				.map(user -> new Authenticated(user, null, grant.tokenId())));
	}
}
