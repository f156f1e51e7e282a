package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's IP address as both doors see it. {@link ClientAddressFilter} has already replaced the request's
 * remote address with the client's when the request came through a trusted proxy; otherwise it is the socket peer.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}
}
