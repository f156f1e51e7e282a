package io.gatehouse.allowlist;

import java.util.ArrayList;
import java.util.List;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/** An allowlist: no rules lets any address in, otherwise an address must match at least one rule. */
public record IpRules(List<IpRule> rules) {

	public static final int MAX_RULES = 100;

	public static final IpRules ANY = new IpRules(List.of());

	public IpRules {
		rules = List.copyOf(rules);
	}

	/**
	 * Parses every rule, naming each one that is not an accepted form.
	 *
	 * @param field how the input field is called in errors, e.g. {@code rules}
	 */
	public static IpRules parse(List<String> texts, String field) {
		if (texts == null) {
			return ANY;
		}
		if (texts.size() > MAX_RULES) {
			throw DomainException.invalidField(field, "size", "must have at most " + MAX_RULES + " rules");
		}
		List<IpRule> rules = new ArrayList<>();
		List<FieldViolation> violations = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			IpRule rule = IpRule.parse(texts.get(i));
			if (rule == null) {
				violations.add(new FieldViolation(field + "[" + i + "]", "ip-rule",
						"'" + texts.get(i) + "' is not " + IpRule.ACCEPTED_FORMS));
			}
			else {
				rules.add(rule);
			}
		}
		if (!violations.isEmpty()) {
			String named = violations.size() == 1 ? violations.get(0).message()
					: violations.size() + " rules are invalid; each must be " + IpRule.ACCEPTED_FORMS;
			throw DomainException.invalid("invalid-ip-rule", "Invalid IP allowlist: " + named + ".", violations);
		}
		return new IpRules(rules);
	}

	public boolean isEmpty() {
		return rules.isEmpty();
	}

	/** Whether the client address (a literal) may use the credential; an unparsable address never may. */
	public boolean permits(String address) {
		return rules.isEmpty() || permits(IpAddress.parse(address));
	}

	public boolean permits(byte[] address) {
		if (rules.isEmpty()) {
			return true;
		}
		for (IpRule rule : rules) {
			if (rule.matches(address)) {
				return true;
			}
		}
		return false;
	}

	public List<String> texts() {
		return rules.stream().map(IpRule::text).toList();
	}
}
