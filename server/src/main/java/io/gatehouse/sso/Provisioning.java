package io.gatehouse.sso;

import java.util.Locale;

/** What a first sign-in of someone the provider knows and Gatehouse does not leads to. */
public enum Provisioning {

	/** An account is made there and then (just in time). */
	JIT,

	/** Only people with an account here already (linked before) get in. */
	EXISTING_ONLY;

	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static Provisioning of(String code) {
		for (Provisioning value : values()) {
			if (value.code().equals(code)) {
				return value;
			}
		}
		return null;
	}
}
