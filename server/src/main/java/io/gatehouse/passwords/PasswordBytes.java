package io.gatehouse.passwords;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The bytes that get hashed for a password: UTF-8 of its NFKC form.
 */
final class PasswordBytes {

	private PasswordBytes() {
	}

	/**
	 * Encodes the password. NIST SP 800-63B asks for NFKC or NFKD before hashing so that the same password typed on
	 * keyboards that compose accents differently still matches. The caller wipes the returned array.
	 */
	static byte[] of(CharSequence password) {
		// skip the normalizer, and the immutable copy it makes, for the usual already-normal password
		CharSequence normalized = Normalizer.isNormalized(password, Normalizer.Form.NFKC) ? password
				: Normalizer.normalize(password, Normalizer.Form.NFKC);
		ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(normalized));
		byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.arrayOffset() + encoded.position(),
				encoded.arrayOffset() + encoded.limit());
		Arrays.fill(encoded.array(), (byte) 0);
		return bytes;
	}

}
