package io.gatehouse.passwords;

import java.util.ArrayList;
import java.util.List;

import org.passay.CharacterRule;
import org.passay.EnglishCharacterData;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.Rule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a new password is acceptable under the {@link PasswordPreset} in force at the moment of the check.
 */
@Component
public class PasswordPolicy {

	private static final int COMPLEXITY_MINIMUM_LENGTH = 8;

	private static final int COMPLEXITY_MAXIMUM_LENGTH = 60;

	// NIST SP 800-63B rev 4: 15 for a password alone, 8 when it is one of several factors
	private static final int NIST_MINIMUM_LENGTH = 15;

	private static final int NIST_MINIMUM_LENGTH_WITH_MFA = 8;

	// NIST asks to allow at least 64; the cap only bounds the work of hashing
	private static final int NIST_MAXIMUM_LENGTH = 128;

	private final PasswordPresetSettings presets;

	private final boolean mfaRequired;

	private final Rules complexity;

	private final Rules nist;

	/** The rules of one preset, built once: a check only adds the identity rules of the account. */
	private record Rules(PasswordPreset preset, int minimumLength, int maximumLength, List<Rule> rules,
			ViolationMessages messages) {
	}

	/** A policy fixed to the preset of the settings, for tests and tools. */
	public PasswordPolicy(PasswordSettings settings) {
		this(settings, settings::preset);
	}

	/** A policy that asks {@code presets} which preset applies at every check, so a change applies at once. */
	@Autowired
	public PasswordPolicy(PasswordSettings settings, PasswordPresetSettings presets) {
		this.presets = presets;
		this.mfaRequired = settings.mfaRequired();
		this.complexity = complexityRules();
		this.nist = nistRules(this.mfaRequired);
	}

	private static Rules complexityRules() {
		List<Rule> rules = new ArrayList<>();
		rules.add(new LengthRule(COMPLEXITY_MINIMUM_LENGTH, COMPLEXITY_MAXIMUM_LENGTH));
		rules.add(new CharacterRule(EnglishCharacterData.UpperCase, 1));
		rules.add(new CharacterRule(EnglishCharacterData.LowerCase, 1));
		rules.add(new CharacterRule(EnglishCharacterData.Digit, 1));
		rules.add(new CharacterRule(SpecialCharacters.INSTANCE, 1));
		rules.add(new CommonPasswordRule(CommonPasswords.dictionary()));
		return new Rules(PasswordPreset.COMPLEXITY, COMPLEXITY_MINIMUM_LENGTH, COMPLEXITY_MAXIMUM_LENGTH, List.copyOf(rules),
				new ViolationMessages(COMPLEXITY_MINIMUM_LENGTH, COMPLEXITY_MAXIMUM_LENGTH));
	}

	private static Rules nistRules(boolean mfaRequired) {
		int minimum = mfaRequired ? NIST_MINIMUM_LENGTH_WITH_MFA : NIST_MINIMUM_LENGTH;
		List<Rule> rules = new ArrayList<>();
		rules.add(new CodePointLengthRule(minimum, NIST_MAXIMUM_LENGTH));
		rules.add(new NonPrintableCharacterRule());
		rules.add(new CommonPasswordRule(CommonPasswords.dictionary()));
		return new Rules(PasswordPreset.NIST, minimum, NIST_MAXIMUM_LENGTH, List.copyOf(rules),
				new ViolationMessages(minimum, NIST_MAXIMUM_LENGTH));
	}

	private Rules current() {
		return presets.passwordPreset() == PasswordPreset.NIST ? nist : complexity;
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
		Rules active = current();
		List<Rule> rules = new ArrayList<>(active.rules());
		ContainsIdentityRule usernameRule = ContainsIdentityRule.username(username);
		if (usernameRule != null) {
			rules.add(usernameRule);
		}
		ContainsIdentityRule emailRule = ContainsIdentityRule.emailLocalPart(email);
		if (emailRule != null) {
			rules.add(emailRule);
		}
		PasswordData candidate = new PasswordData((password != null) ? password : "");
		return active.messages().translate(new PasswordValidator(rules).validate(candidate));
	}

	/**
	 * The active rules in one line, for the API and the documentation.
	 */
	public String describe() {
		String identity = "not one of the " + CommonPasswords.formattedCount()
				+ " most common passwords, nor one of them with digits, symbols or look-alike letters added, and not containing the username or the part of the email address before the @";
		Rules active = current();
		if (active.preset() == PasswordPreset.COMPLEXITY) {
			return active.minimumLength() + " to " + active.maximumLength() + " characters with at least one uppercase letter,"
					+ " one lowercase letter, one digit and one special character from " + SpecialCharacters.CHARACTERS
					+ "; " + identity + ".";
		}
		return "NIST SP 800-63B: " + active.minimumLength() + " to " + active.maximumLength() + " characters"
				+ (this.mfaRequired ? ", since multi-factor sign-in is required" : "")
				+ "; any printable characters including spaces and Unicode but no control characters; no composition"
				+ " rules; " + identity + ".";
	}

	public PasswordPreset preset() {
		return current().preset();
	}

}
