package io.gatehouse.passwords;

import java.util.Map;

import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;

/**
 * Rejects characters that cannot be typed back reliably: control characters (tabs, newlines, DEL, C1 controls), line
 * and paragraph separators, and unpaired surrogates. Spaces and format characters such as the zero-width joiner
 * inside emoji stay allowed.
 */
final class NonPrintableCharacterRule implements Rule {

	static final String ERROR_CODE = "ILLEGAL_NON_PRINTABLE";

	@Override
	public RuleResult validate(PasswordData passwordData) {
		RuleResult result = new RuleResult();
		if (passwordData.getPassword().codePoints().anyMatch(NonPrintableCharacterRule::isNonPrintable)) {
			result.addError(ERROR_CODE, Map.of());
		}
		return result;
	}

	private static boolean isNonPrintable(int codePoint) {
		int type = Character.getType(codePoint);
		// codePoints() yields a surrogate only when it is unpaired
		return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.SURROGATE;
	}

}
