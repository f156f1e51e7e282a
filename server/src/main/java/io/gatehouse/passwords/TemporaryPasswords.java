package io.gatehouse.passwords;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Makes random temporary passwords, e.g. for an administrator's password reset, that pass either preset.
 */
@Component
public class TemporaryPasswords {

	private static final int LENGTH = 20;

	// without 0/O/o, 1/I/l: temporary passwords get read aloud and typed from screens
	private static final String UPPERCASE = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWERCASE = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String ALPHABET = UPPERCASE + LOWERCASE + DIGITS + SpecialCharacters.CHARACTERS;

	// about one candidate in four starts with a special character or misses a class, so this bound is never reached
	private static final int MAX_ATTEMPTS = 1000;

	private final PasswordPolicy policy;

	private final SecureRandom random = new SecureRandom();

	public TemporaryPasswords(PasswordPolicy policy) {
		this.policy = policy;
	}

	/**
	 * A new 20-character password with at least one uppercase letter, lowercase letter, digit and special character
	 * from {@code !@#$%^&*_-}, that starts with a letter or digit, accepted by the active policy.
	 */
	public String generate() {
		// Drawing whole candidates and rejecting the incomplete ones keeps every valid password equally likely;
		// planting one character per class and shuffling would not.
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			StringBuilder candidate = new StringBuilder(LENGTH);
			for (int i = 0; i < LENGTH; i++) {
				candidate.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
			String password = candidate.toString();
			if (startsPlain(password) && hasEveryCharacterClass(password)
					&& this.policy.check(password, null, null).isEmpty()) {
				return password;
			}
		}
		throw new IllegalStateException("No acceptable temporary password in " + MAX_ATTEMPTS + " attempts");
	}

	// A spreadsheet reads a cell that starts with - or @ as a formula, so CSV exports mark such a cell with an
	// apostrophe; a password that starts plain is the same in the file, the spreadsheet and the page.
	private static boolean startsPlain(String password) {
		return SpecialCharacters.CHARACTERS.indexOf(password.charAt(0)) < 0;
	}

	private static boolean hasEveryCharacterClass(String password) {
		return containsAny(password, UPPERCASE) && containsAny(password, LOWERCASE) && containsAny(password, DIGITS)
				&& containsAny(password, SpecialCharacters.CHARACTERS);
	}

	private static boolean containsAny(String password, String characters) {
		return password.chars().anyMatch((c) -> characters.indexOf(c) >= 0);
	}

}
