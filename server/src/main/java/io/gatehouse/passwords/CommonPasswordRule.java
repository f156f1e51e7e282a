package io.gatehouse.passwords;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.dictionary.Dictionary;

/**
 * Refuses a common password, compared without case, and what people make of one to pass composition rules: the
 * same word with digits and symbols around it ({@code Password1!}, {@code Welcome2024!}, {@code Summer2024#}) or
 * with look-alike characters for letters ({@code P@ssw0rd1}, {@code Pa$$word}). Such a password is among the first
 * an attacker tries, whatever its composition.
 */
final class CommonPasswordRule implements Rule {

	/** The password itself is common; Passay's own code, so that its message stays what it was. */
	static final String ERROR_CODE = DictionaryRule.ERROR_CODE;

	/** A common password with decoration added. */
	static final String DECORATED_ERROR_CODE = "COMMON_PASSWORD_DECORATED";

	// a shorter core ("abc" of "Abc-2024!") is too little of the password to call it a common one
	static final int MINIMUM_CORE_LENGTH = 4;

	private static final Map<Character, Character> LOOK_ALIKES = Map.of('@', 'a', '4', 'a', '$', 's', '5', 's', '0',
			'o', '3', 'e', '1', 'i', '!', 'i', '7', 't', '+', 't');

	private final Dictionary dictionary;

	CommonPasswordRule(Dictionary dictionary) {
		this.dictionary = dictionary;
	}

	@Override
	public RuleResult validate(PasswordData passwordData) {
		RuleResult result = new RuleResult();
		String password = passwordData.getPassword().toLowerCase(Locale.ROOT);
		if (dictionary.search(password)) {
			result.addError(ERROR_CODE, Map.of());
		}
		else if (decorated(password)) {
			result.addError(DECORATED_ERROR_CODE, Map.of());
		}
		return result;
	}

	private boolean decorated(String password) {
		for (String core : cores(password)) {
			if (core.codePointCount(0, core.length()) >= MINIMUM_CORE_LENGTH && dictionary.search(core)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What may be underneath the decoration: the password without the digits and symbols at its ends, with and
	 * without look-alikes read as letters. A symbol that starts the word is read as a letter ({@code @dmin}); one
	 * that ends it is decoration ({@code Password!}).
	 */
	static Set<String> cores(String password) {
		Set<String> cores = new LinkedHashSet<>();
		for (String start : List.of(password, readLeadingSymbol(password))) {
			String stripped = strip(start);
			cores.add(stripped);
			cores.add(readLookAlikes(stripped, 'i'));
			cores.add(readLookAlikes(stripped, 'l'));
		}
		cores.remove(password);
		return cores;
	}

	/** Without the characters that are not letters at either end. */
	private static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && !Character.isLetter(text.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/** Every look-alike read as its letter; {@code one} says which letter a 1 stands for. */
	private static String readLookAlikes(String text, char one) {
		StringBuilder read = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			read.append(c == '1' ? one : LOOK_ALIKES.getOrDefault(c, c));
		}
		return read.toString();
	}

	private static String readLeadingSymbol(String text) {
		if (text.length() > 1 && !Character.isLetterOrDigit(text.charAt(0)) && Character.isLetter(text.charAt(1))
				&& LOOK_ALIKES.containsKey(text.charAt(0))) {
			return LOOK_ALIKES.get(text.charAt(0)) + text.substring(1);
		}
		return text;
	}
}
