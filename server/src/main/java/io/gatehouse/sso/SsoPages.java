package io.gatehouse.sso;

/**
 * How the relying party hands a finished sign-in to the console: it forwards to {@link #COMPLETE} with the outcome in
 * request attributes (which no client can set), and the console sets its cookies and lands the person.
 */
public final class SsoPages {

	/** The console page that finishes a sign-in through a provider. */
	public static final String COMPLETE = "/console/sign-in/provider";

	/** The {@link io.gatehouse.auth.SignInStep} the sign-in led to. */
	public static final String STEP = SsoPages.class.getName() + ".step";

	/** The console page to land on afterwards, when the sign-in started from one. */
	public static final String RETURN_TO = SsoPages.class.getName() + ".returnTo";

	/** Why the sign-in was refused: a message for the person. */
	public static final String REFUSAL = SsoPages.class.getName() + ".refusal";

	private SsoPages() {
	}

	/** The console's rule for return addresses: a console page of this server, and not a sign-in or sign-out one. */
	public static boolean isSafeReturn(String next) {
		return next != null && next.length() <= 2000 && next.startsWith("/console") && !next.startsWith("//")
				&& !next.contains("\\") && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
				&& !next.startsWith("/console/sign-in") && !next.startsWith("/console/sign-out");
	}
}
