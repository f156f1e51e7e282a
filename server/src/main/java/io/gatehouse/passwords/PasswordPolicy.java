package io.gatehouse.passwords;

import java.util.ArrayList;
import java.util.List;

import org.passay.CharacterRule;
import org.passay.DictionaryRule;
import org.passay.EnglishCharacterData;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.Rule;

import org.springframework.stereotype.Component;

/**
 * Decides whether a new password is acceptable under the configured {@link PasswordPreset}.
 */
@Component
public class PasswordPolicy {

	private static final int SEED_MINIMUM_LENGTH = 8;

	private static final int SEED_MAXIMUM_LENGTH = 60;

	// NIST SP 800-63B rev 4: 15 for a password alone, 8 when it is one of several factors
	private static final int NIST_MINIMUM_LENGTH = 15;

	private static final int NIST_MINIMUM_LENGTH_WITH_MFA = 8;

	// NIST asks to allow at least 64; the cap only bounds the work of hashing
	private static final int NIST_MAXIMUM_LENGTH = 128;

	private final PasswordPreset preset;

	private final boolean mfaRequired;

	private final int minimumLength;

	private final int maximumLength;

	private final List<Rule> rules;

	private final ViolationMessages messages;

	public PasswordPolicy(PasswordSettings settings) {
		this.preset = settings.preset();
		this.mfaRequired = settings.mfaRequired();
		List<Rule> rules = new ArrayList<>();
		if (this.preset == PasswordPreset.SEED) {
			this.minimumLength = SEED_MINIMUM_LENGTH;
			this.maximumLength = SEED_MAXIMUM_LENGTH;
			rules.add(new LengthRule(this.minimumLength, this.maximumLength));
			rules.add(new CharacterRule(EnglishCharacterData.UpperCase, 1));
			rules.add(new CharacterRule(EnglishCharacterData.LowerCase, 1));
			rules.add(new CharacterRule(EnglishCharacterData.Digit, 1));
			rules.add(new CharacterRule(SeedSpecialCharacters.INSTANCE, 1));
		}
		else {
			this.minimumLength = this.mfaRequired ? NIST_MINIMUM_LENGTH_WITH_MFA : NIST_MINIMUM_LENGTH;
			this.maximumLength = NIST_MAXIMUM_LENGTH;
			rules.add(new CodePointLengthRule(this.minimumLength, this.maximumLength));
			rules.add(new NonPrintableCharacterRule());
		}
		rules.add(new DictionaryRule(CommonPasswords.dictionary()));
		this.rules = List.copyOf(rules);
		this.messages = new ViolationMessages(this.minimumLength, this.maximumLength);
	}

	/**
	 * Checks a candidate password against every rule of the active preset.
	 * @param password the candidate; null is checked as the empty password
	 * @param username the account's username, or null; not checked when shorter than 3 characters
	 * @param email the account's email address, or null; its part before the '@' is not checked when shorter than 3
	 * characters
	 * @return every rule the password breaks, in a stable order; empty when the password is acceptable
	 */
	public List<PasswordRuleViolation> check(String password, String username, String email) {
		List<Rule> rules = new ArrayList<>(this.rules);
		ContainsIdentityRule usernameRule = ContainsIdentityRule.username(username);
		if (usernameRule != null) {
			rules.add(usernameRule);
		}
		ContainsIdentityRule emailRule = ContainsIdentityRule.emailLocalPart(email);
		if (emailRule != null) {
			rules.add(emailRule);
		}
		PasswordData candidate = new PasswordData((password != null) ? password : "");
		return this.messages.translate(new PasswordValidator(rules).validate(candidate));
	}

	/**
	 * The active rules in one line, for the API and the documentation.
	 */
	public String describe() {
		String identity = "not one of the " + CommonPasswords.formattedCount()
				+ " most common passwords, and not containing the username or the part of the email address before the @";
		if (this.preset == PasswordPreset.SEED) {
			return this.minimumLength + " to " + this.maximumLength + " characters with at least one uppercase letter,"
					+ " one lowercase letter, one digit and one special character from " + SeedSpecialCharacters.CHARACTERS
					+ "; " + identity + ".";
		}
		return "NIST SP 800-63B: " + this.minimumLength + " to " + this.maximumLength + " characters"
				+ (this.mfaRequired ? ", since multi-factor sign-in is required" : "")
				+ "; any printable characters including spaces and Unicode but no control characters; no composition"
				+ " rules; " + identity + ".";
	}

	public PasswordPreset preset() {
		return this.preset;
	}

}
