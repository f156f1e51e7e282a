package io.gatehouse.passwords;

import java.util.Locale;
import java.util.Map;

import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;

/**
 * Rejects a password that contains something that identifies the user, ignoring case. Unlike Passay's
 * {@code UsernameRule} it also serves the email address, which {@link PasswordData} has no field for.
 */
final class ContainsIdentityRule implements Rule {

	static final String USERNAME_ERROR_CODE = "CONTAINS_USERNAME";

	static final String EMAIL_ERROR_CODE = "CONTAINS_EMAIL";

	// shorter identities ("al", "x") would reject too many unrelated passwords
	static final int MINIMUM_LENGTH = 3;

	private final String errorCode;

	private final String identity;

	private ContainsIdentityRule(String errorCode, String identity) {
		this.errorCode = errorCode;
		this.identity = identity.toLowerCase(Locale.ROOT);
	}

	/** A rule against the username, or null when there is no username long enough to check. */
	static ContainsIdentityRule username(String username) {
		String trimmed = (username != null) ? username.strip() : null;
		return isCheckable(trimmed) ? new ContainsIdentityRule(USERNAME_ERROR_CODE, trimmed) : null;
	}

	/** A rule against the part of the email address before the last '@', or null when it is too short to check. */
	static ContainsIdentityRule emailLocalPart(String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		String localPart = ((at >= 0) ? email.substring(0, at) : email).strip();
		return isCheckable(localPart) ? new ContainsIdentityRule(EMAIL_ERROR_CODE, localPart) : null;
	}

	private static boolean isCheckable(String identity) {
		return identity != null && identity.codePointCount(0, identity.length()) >= MINIMUM_LENGTH;
	}

	@Override
	public RuleResult validate(PasswordData passwordData) {
		RuleResult result = new RuleResult();
		if (passwordData.getPassword().toLowerCase(Locale.ROOT).contains(this.identity)) {
			result.addError(this.errorCode, Map.of());
		}
		return result;
	}

}
