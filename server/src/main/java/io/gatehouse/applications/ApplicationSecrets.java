package io.gatehouse.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.gatehouse.shared.RandomSecrets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How client secrets are kept: SHA-256, as {@link RandomSecrets} keeps every other secret Gatehouse hands out. A
 * client secret is 256 random bits, so a slow password hash would only slow down every token request (client
 * credentials are the hot path of a service) without making a guess any likelier. Written here because Spring
 * Security's encoders are all slow password hashes or plain text.
 */
@Component
public class ApplicationSecrets implements PasswordEncoder {

	private static final String PREFIX = "sha256:";

	static String generate() {
		return RandomSecrets.generate();
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return PREFIX + RandomSecrets.hash(rawPassword.toString());
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith(PREFIX)) {
			return false;
		}
		// constant time: the stored hash must not leak through how long a wrong guess takes to refuse
		return MessageDigest.isEqual(encode(rawPassword).getBytes(StandardCharsets.US_ASCII),
				encodedPassword.getBytes(StandardCharsets.US_ASCII));
	}
}
