package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The CSRF token of a session, derived from the session's secret. Nothing is stored: every node computes the same
 * token from the cookie, the token lives exactly as long as its session, and a token of one session says nothing
 * about another. The derivation is one-way, so a script that reads the token learns nothing of the HttpOnly
 * session secret; the label keeps it apart from the secret's stored hash.
 */
public final class SessionCsrf {

	private static final byte[] LABEL = "gatehouse-csrf-v1:".getBytes(StandardCharsets.US_ASCII);

	private SessionCsrf() {
	}

	public static String tokenOf(String sessionSecret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(LABEL);
			byte[] digest = sha256.digest(sessionSecret.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
