package io.gatehouse.passwords;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * the format of the reference implementation, libsodium, Spring Security and most other libraries.
 */
record PhcArgon2Hash(Argon2Cost cost, byte[] salt, byte[] hash) {

	// Only Argon2id version 1.3 is accepted: this server never wrote anything else. Salt 8 to 64 bytes and hash 16
	// to 64 bytes, as unpadded Base64.
	private static final Pattern FORMAT = Pattern.compile(
			"\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");

	private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

	/** The parsed hash, or empty when the string is not an Argon2id v1.3 PHC string within the cost limits. */
	static Optional<PhcArgon2Hash> parse(String encoded) {
		if (encoded == null) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(encoded);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			Argon2Cost cost = new Argon2Cost(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
			byte[] salt = Base64.getDecoder().decode(matcher.group(4));
			byte[] hash = Base64.getDecoder().decode(matcher.group(5));
			return Optional.of(new PhcArgon2Hash(cost, salt, hash));
		}
		catch (IllegalArgumentException ex) {
			// a cost outside the limits, or Base64 of an impossible length
			return Optional.empty();
		}
	}

	String encode() {
		return "$argon2id$v=19$" + this.cost + "$" + ENCODER.encodeToString(this.salt) + "$"
				+ ENCODER.encodeToString(this.hash);
	}

}
