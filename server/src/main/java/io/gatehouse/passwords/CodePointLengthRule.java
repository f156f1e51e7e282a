package io.gatehouse.passwords;

import java.util.Map;

import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;

/**
 * Passay's length rule, counting Unicode code points as NIST asks instead of UTF-16 units, so an emoji counts once.
 */
final class CodePointLengthRule implements Rule {

	private final int minimum;

	private final int maximum;

	CodePointLengthRule(int minimum, int maximum) {
		this.minimum = minimum;
		this.maximum = maximum;
	}

	@Override
	public RuleResult validate(PasswordData passwordData) {
		String password = passwordData.getPassword();
		int length = password.codePointCount(0, password.length());
		RuleResult result = new RuleResult();
		Map<String, Object> parameters = Map.of("minimumLength", this.minimum, "maximumLength", this.maximum);
		if (length < this.minimum) {
			result.addError(LengthRule.ERROR_CODE_MIN, parameters);
		}
		else if (length > this.maximum) {
			result.addError(LengthRule.ERROR_CODE_MAX, parameters);
		}
		return result;
	}

}
