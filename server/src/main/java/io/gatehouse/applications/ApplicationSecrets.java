package io.gatehouse.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;

import io.gatehouse.shared.RandomSecrets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How client secrets are kept: SHA-256, as {@link RandomSecrets} keeps every other secret Gatehouse hands out. A
 * client secret is 256 random bits, so a slow password hash would only slow down every token request (client
 * credentials are the hot path of a service) without making a guess any likelier. Written here because Spring
 * Security's encoders are all slow password hashes or plain text.
 * <p>
 * After a rotation with an overlap the stored value also holds the previous secret's hash and until when it still
 * works ({@code sha256:<new> previous sha256:<old> until <epoch second>}), so that the application's instances can
 * move to the new secret one by one. It lives in the client's own column, so every node sees it with the client, and
 * it changes with the client in one write.
 */
@Component
public class ApplicationSecrets implements PasswordEncoder {

	private static final String PREFIX = "sha256:";

	private static final String PREVIOUS = " previous ";

	private static final String UNTIL = " until ";

	private final Clock clock;

	public ApplicationSecrets(Clock clock) {
		this.clock = clock;
	}

	static String generate() {
		return RandomSecrets.generate();
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return PREFIX + RandomSecrets.hash(rawPassword.toString());
	}

	/** The new secret's stored value that keeps the current one working until {@code until}. */
	String encodeKeepingPrevious(CharSequence newSecret, String currentEncoded, Instant until) {
		return encode(newSecret) + PREVIOUS + current(currentEncoded) + UNTIL + until.getEpochSecond();
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith(PREFIX)) {
			return false;
		}
		String encoded = encode(rawPassword);
		boolean current = same(encoded, current(encodedPassword));
		int previousAt = encodedPassword.indexOf(PREVIOUS);
		int untilAt = encodedPassword.indexOf(UNTIL);
		if (previousAt < 0 || untilAt < previousAt) {
			return current;
		}
		String previous = encodedPassword.substring(previousAt + PREVIOUS.length(), untilAt);
		Instant until = Instant.ofEpochSecond(Long.parseLong(encodedPassword.substring(untilAt + UNTIL.length())));
		// both compared every time, so that how long a refusal takes does not tell which one was close
		boolean stillPrevious = same(encoded, previous) && clock.instant().isBefore(until);
		return current | stillPrevious;
	}

	/** Until when the previous secret still works, or null when there is none (or it no longer does). */
	Instant previousUntil(String encodedPassword) {
		int untilAt = encodedPassword == null ? -1 : encodedPassword.indexOf(UNTIL);
		if (untilAt < 0) {
			return null;
		}
		Instant until = Instant.ofEpochSecond(Long.parseLong(encodedPassword.substring(untilAt + UNTIL.length())));
		return clock.instant().isBefore(until) ? until : null;
	}

	private static String current(String encodedPassword) {
		int previousAt = encodedPassword.indexOf(PREVIOUS);
		return previousAt < 0 ? encodedPassword : encodedPassword.substring(0, previousAt);
	}

	/** Constant time: the stored hash must not leak through how long a wrong guess takes to refuse. */
	private static boolean same(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}
}
