package io.gatehouse.console;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Redirects that also work for htmx requests: an htmx request follows a plain redirect inside the page and would
 * swap a whole sign-in page into a table, so it gets {@code HX-Redirect} and navigates the browser instead.
 */
public final class ConsoleRedirects {

	private ConsoleRedirects() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/** The sign-in page, remembering the page asked for so that signing in leads back to it. */
	static String signInReturningTo(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || isHtmx(request) || !isSafeReturn(path)) {
			return ConsoleSecurityConfiguration.SIGN_IN;
		}
		String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
		return ConsoleSecurityConfiguration.SIGN_IN + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
	}

	/**
	 * Only a console page of this server, or its OpenID Provider's authorization endpoint (an application's sign-in
	 * continues there): a {@code next} pointing elsewhere ({@code //evil.example}, a scheme, a header break) would
	 * make the sign-in page an open redirect.
	 */
	public static boolean isSafeReturn(String next) {
		return next != null && (next.startsWith("/console") || next.startsWith("/oauth2/authorize?"))
				&& !next.startsWith("//") && !next.contains("\\")
				&& next.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && !next.startsWith(ConsoleSecurityConfiguration.SIGN_IN)
				&& !next.startsWith("/console/sign-out");
	}

	/**
	 * A sign-in page that continues an application's sign-in: signing in ends, through the authorization endpoint,
	 * at the application's redirect URI, and the browser checks the sign-in form's form-action at each of those
	 * redirects. So that page names the redirect URI's origin in its policy too; whether the URI is one the
	 * application registered is the authorization endpoint's to decide, and it redirects nowhere else.
	 */
	public static void allowContinuingTo(String next, HttpServletResponse response) {
		if (next == null || !next.startsWith("/oauth2/authorize?") || !isSafeReturn(next)) {
			return;
		}
		for (String pair : next.substring(next.indexOf('?') + 1).split("&")) {
			if (pair.startsWith("redirect_uri=")) {
				String origin = origin(URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8));
				if (origin != null) {
					response.setHeader("Content-Security-Policy", ConsoleSecurityConfiguration.policy(" " + origin));
				}
			}
		}
	}

	/** scheme://host[:port] of an http(s) URI, only when it cannot smuggle anything into the policy; else null. */
	static String origin(String uri) {
		try {
			URI parsed = new URI(uri);
			String scheme = parsed.getScheme();
			String host = parsed.getHost();
			if (scheme == null || host == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
					|| !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
				return null;
			}
			return scheme.toLowerCase() + "://" + host + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * POST/redirect/GET to {@code path} (which may end in {@code #anchor}) with one of {@link ConsoleNotices}' codes;
	 * an unknown code fails here, where the typo is, instead of showing no notice.
	 */
	public static String withNotice(String path, String notice) {
		if (ConsoleNotices.message(notice) == null) {
			throw new IllegalArgumentException("no notice " + notice);
		}
		int anchor = path.indexOf('#');
		String page = anchor < 0 ? path : path.substring(0, anchor);
		String fragment = anchor < 0 ? "" : path.substring(anchor);
		return "redirect:" + page + (page.contains("?") ? "&" : "?") + "done=" + notice + fragment;
	}

	static void send(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		String location = request.getContextPath() + path;
		if (isHtmx(request)) {
			response.setHeader("HX-Redirect", location);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.sendRedirect(location);
	}
}
