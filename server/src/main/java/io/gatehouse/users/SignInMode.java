package io.gatehouse.users;

import java.util.Locale;

/** Where people prove who they are. */
public enum SignInMode {

	/** Gatehouse's own passwords: accounts are made here with a password or an invitation. */
	LOCAL,

	/** An external identity provider: accounts come from it, so none is made here with a password. */
	EXTERNAL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
