package io.gatehouse.auth;

import java.util.Optional;

import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.shared.DomainException;
import io.gatehouse.tokens.TokenAuthentication;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Service;

/**
 * Turns what a request presents, a session secret or a personal access token, into an active user, and applies the
 * user's IP allowlist to every such request: a credential used from outside it does not work.
 */
@Service
public class Authenticator {

	private final Sessions sessions;

	private final TokenAuthentication tokens;

	private final UserDirectory users;

	private final IpAllowlists allowlists;

	Authenticator(Sessions sessions, TokenAuthentication tokens, UserDirectory users, IpAllowlists allowlists) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.users = users;
		this.allowlists = allowlists;
	}

	/** A session used from outside the allowlist is ended: whoever holds it there must sign in again. */
	public Optional<Authenticated> bySession(String secret, String clientIp) {
		Optional<Authenticated> authenticated = sessions.authenticate(secret, clientIp);
		if (authenticated.isPresent() && !allowlists.permits(authenticated.get().user().id(), clientIp)) {
			sessions.endOutsideAllowlist(authenticated.get(), clientIp);
			throw notAllowed();
		}
		return authenticated;
	}

	/** A token works only while its owner is active: checked on every request, so deactivation stops it at once. */
	public Optional<Authenticated> byToken(String token, String clientIp) {
		Optional<Authenticated> authenticated = tokens.authenticate(token)
			.flatMap(grant -> users.findActive(grant.userId())
				.map(user -> new Authenticated(user, null, grant.tokenId(), false)));
		if (authenticated.isPresent() && !allowlists.permits(authenticated.get().user().id(), clientIp)) {
			throw notAllowed();
		}
		return authenticated;
	}

	private static DomainException notAllowed() {
		return DomainException.forbidden("address-not-allowed",
				"Your IP allowlist does not include the address this request comes from.");
	}
}
