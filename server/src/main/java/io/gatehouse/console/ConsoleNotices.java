package io.gatehouse.console;

import java.util.Map;

/**
 * The one-line confirmations shown after a redirect ({@code ?done=saved}). A fixed set of codes rather than a
 * flash attribute: flash attributes need an HTTP session, and the console has none, so any node can serve the
 * next page.
 */
public final class ConsoleNotices {

	private static final Map<String, String> MESSAGES = Map.ofEntries(
			Map.entry("created", "The user was created."),
			Map.entry("saved", "Your changes were saved."),
			Map.entry("password-set", "The password was set. Tell the user yourself: Gatehouse does not send it."),
			Map.entry("deactivated", "The user was deactivated and can no longer sign in."),
			Map.entry("reactivated", "The user was reactivated and can sign in again."),
			Map.entry("password-changed", "Your password was changed."),
			Map.entry("signed-out", "You are signed out."),
			Map.entry("group-created", "The group was created."),
			Map.entry("group-deleted", "The group was deleted."),
			Map.entry("member-added", "The member was added."),
			Map.entry("member-removed", "The member was removed."),
			Map.entry("role-created", "The role was created."),
			Map.entry("role-deleted", "The role was deleted."),
			Map.entry("application-created", "The application was registered."),
			Map.entry("application-deleted", "The application was deleted: its tokens no longer work."),
			Map.entry("token-revoked", "The token was revoked."),
			Map.entry("scim-client-revoked", "The SCIM client was revoked: its token no longer works."),
			Map.entry("consent-withdrawn", "Your consent was withdrawn: the application is signed out and asks again next time."),
			Map.entry("sessions-ended", "Every session of the user was ended."),
			Map.entry("session-ended", "The session was ended."),
			Map.entry("other-sessions-ended", "Every other session of yours was ended."),
			Map.entry("allowlist-saved", "The IP allowlist was saved."),
			Map.entry("mfa-reset", "The second factor was reset: the user signs in with the password alone and enrols again."),
			Map.entry("mfa-removed", "Your second factor was removed."),
			Map.entry("unlocked", "The account was unlocked."),
			Map.entry("invitation-accepted", "Your account is ready. Sign in with your username or email and the password you chose."),
			Map.entry("password-reset", "Your password was changed and every session signed out. Sign in with the new password."),
			Map.entry("invited", "The invitation was sent."),
			Map.entry("invited-not-mailed", "The invitation was made, but no mail server is configured: use Copy invitation link below and send the link yourself."),
			Map.entry("invitation-renewed-not-mailed", "The invitation was renewed, but no mail server is configured: use Copy invitation link below and send the link yourself."),
			Map.entry("invitation-resent", "A new invitation link was sent; the earlier link no longer works."),
			Map.entry("invitation-cancelled", "The invitation was cancelled and the pending user deleted."),
			Map.entry("user-deleted", "The user was deleted."),
			Map.entry("profile-saved", "Your profile was saved."),
			Map.entry("verification-sent", "A new verification link was sent to your email address."),
			Map.entry("resource-created", "The resource was created."),
			Map.entry("resource-deleted", "The resource was deleted."),
			Map.entry("resource-moved", "The resource was moved."),
			Map.entry("binding-added", "The access was granted."),
			Map.entry("binding-removed", "The access was removed."),
			Map.entry("owner-transferred", "The ownership was transferred."),
			Map.entry("settings-saved", "The settings were saved. They apply at once, on every node within a second."),
			Map.entry("provider-saved", "The identity provider was saved."),
			Map.entry("provider-enabled", "The identity provider is enabled: the sign-in page offers it."),
			Map.entry("provider-disabled", "The identity provider is disabled: nobody signs in through it now."),
			Map.entry("provider-deleted", "The identity provider was deleted; its accounts stay, and no longer sign in through it."),
			Map.entry("test-mail-sent", "The mail server accepted the test mail: look for it in your inbox."),
			Map.entry("test-mail-logged", "No mail server is configured: the test mail was printed to the server's log, not sent."),
			Map.entry("test-mail-failed-auth", "The test mail was not sent: the mail server refused the user name or password."),
			Map.entry("test-mail-failed-host", "The test mail was not sent: the mail server's host name is not known."),
			Map.entry("test-mail-failed-connect", "The test mail was not sent: could not connect to the mail server."),
			Map.entry("test-mail-failed", "The test mail was not sent: the mail server did not accept it; the server's log says why."),
			Map.entry("setting-reset", "The setting is back to its default, at once on every node within a second."));

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
