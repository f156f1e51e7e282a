package io.gatehouse.console;

import java.io.IOException;

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
