package io.gatehouse.console;

import java.io.IOException;
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
