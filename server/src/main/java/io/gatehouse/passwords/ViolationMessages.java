package io.gatehouse.passwords;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.passay.EnglishCharacterData;
import org.passay.LengthRule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;

/**
 * Turns Passay's error codes into the stable rule codes and sentences of {@link PasswordRuleViolation}.
 */
final class ViolationMessages {

	private final Map<String, PasswordRuleViolation> byErrorCode;

	ViolationMessages(int minimumLength, int maximumLength) {
		PasswordRuleViolation length = new PasswordRuleViolation("length",
				"must be " + minimumLength + " to " + maximumLength + " characters long");
		this.byErrorCode = Map.ofEntries(
				Map.entry(LengthRule.ERROR_CODE_MIN, length),
				Map.entry(LengthRule.ERROR_CODE_MAX, length),
				Map.entry(EnglishCharacterData.UpperCase.getErrorCode(),
						new PasswordRuleViolation("uppercase", "must contain an uppercase letter (A-Z)")),
				Map.entry(EnglishCharacterData.LowerCase.getErrorCode(),
						new PasswordRuleViolation("lowercase", "must contain a lowercase letter (a-z)")),
				Map.entry(EnglishCharacterData.Digit.getErrorCode(),
						new PasswordRuleViolation("digit", "must contain a digit (0-9)")),
				Map.entry(SpecialCharacters.INSTANCE.getErrorCode(), new PasswordRuleViolation("special",
						"must contain a special character from " + SpecialCharacters.CHARACTERS)),
				Map.entry(NonPrintableCharacterRule.ERROR_CODE, new PasswordRuleViolation("characters",
						"must not contain control characters, tabs or line breaks")),
				Map.entry(CommonPasswordRule.ERROR_CODE, new PasswordRuleViolation("common",
						"is one of the " + CommonPasswords.formattedCount() + " most common passwords")),
				Map.entry(CommonPasswordRule.DECORATED_ERROR_CODE, new PasswordRuleViolation("common",
						"is a common password with digits, symbols or look-alike letters added")),
				Map.entry(ContainsIdentityRule.USERNAME_ERROR_CODE,
						new PasswordRuleViolation("contains-username", "must not contain the username")),
				Map.entry(ContainsIdentityRule.EMAIL_ERROR_CODE, new PasswordRuleViolation("contains-email",
						"must not contain the part of the email address before the @")));
	}

	List<PasswordRuleViolation> translate(RuleResult result) {
		// a set, so that a rule reporting several details still shows up once
		Set<PasswordRuleViolation> violations = new LinkedHashSet<>();
		for (RuleResultDetail detail : result.getDetails()) {
			PasswordRuleViolation violation = this.byErrorCode.get(detail.getErrorCode());
			if (violation == null) {
				throw new IllegalStateException("No message for Passay error code " + detail.getErrorCode());
			}
			violations.add(violation);
		}
		return List.copyOf(violations);
	}

}
