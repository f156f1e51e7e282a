package io.gatehouse.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * Whether an account's password may be set, reset or changed here. While people sign in through an identity provider
 * (signInMode=external) a password made here would be a way in the provider does not control, so none is, except for
 * a System Administrator's: their password is the documented way in when the provider is down (break-glass).
 */
@Component
public class LocalPasswords {

	private final AccountRuleSettings rules;

	private final AccessControl access;

	LocalPasswords(AccountRuleSettings rules, AccessControl access) {
		this.rules = rules;
		this.access = access;
	}

	/** What the console asks before it offers a password form or a reset for this account. */
	public boolean allowedFor(UUID userId) {
		return rules.signInMode() != SignInMode.EXTERNAL || access.isSystemAdministrator(userId);
	}

	void require(UUID userId, String field) {
		if (!allowedFor(userId)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "sign-in-external",
					"People sign in through an external identity provider on this instance (signInMode=external), so "
							+ "passwords are not set, reset or changed here; only a System Administrator keeps one, "
							+ "as the way in when the provider is down.",
					List.of(new FieldViolation(field, "sign-in-external", "cannot be set while sign-in is external")));
		}
	}
}
