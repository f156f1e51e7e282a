package io.gatehouse.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's IP address as the API door sees it: the socket peer. Forwarded headers are not trusted here; a
 * deployment behind a proxy sets {@code server.forward-headers-strategy} so that the servlet container rewrites
 * the peer address from the proxy's headers.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}
}
