package io.gatehouse.console;

import java.util.Map;

/**
 * The one-line confirmations shown after a redirect ({@code ?done=saved}). A fixed set of codes rather than a
 * flash attribute: flash attributes need an HTTP session, and the console has none, so any node can serve the
 * next page.
 */
public final class ConsoleNotices {

	private static final Map<String, String> MESSAGES = Map.of(
			"created", "The user was created.",
			"saved", "Your changes were saved.",
			"password-set", "The password was set. Tell the user yourself: Gatehouse does not send it.",
			"deactivated", "The user was deactivated and can no longer sign in.",
			"reactivated", "The user was reactivated and can sign in again.",
			"password-changed", "Your password was changed.",
			"signed-out", "You are signed out.");

	private ConsoleNotices() {
	}

	public static String message(String code) {
		return code == null ? null : MESSAGES.get(code);
	}

	/** Only known codes travel on: a link cannot make the console print words of its own choosing. */
	static String code(String code) {
		return MESSAGES.containsKey(code) ? code : "";
	}
}
