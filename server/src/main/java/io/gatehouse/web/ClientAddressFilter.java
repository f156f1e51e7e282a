package io.gatehouse.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.allowlist.IpAddress;
import io.gatehouse.allowlist.IpRules;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides the client address of every request before anything else reads it. The socket peer is the client unless
 * it is a configured trusted proxy; only then is {@code X-Forwarded-For} read, from the right, skipping further
 * trusted proxies, and the first address that is not one is the client. A header sent by anyone else is ignored,
 * so a client cannot choose the address its allowlist and throttling see. {@code X-Forwarded-Proto: https} from
 * a trusted proxy marks the request secure (HSTS, Secure cookies).
 */
class ClientAddressFilter extends OncePerRequestFilter {

	private final IpRules trustedProxies;

	ClientAddressFilter(NetworkSettings settings) {
		this.trustedProxies = IpRules.parse(settings.trustedProxies(), "trustedProxies");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String peer = request.getRemoteAddr();
		if (trustedProxies.isEmpty() || !trusted(peer)) {
			chain.doFilter(request, response);
			return;
		}
		String client = clientBehind(peer, Collections.list(request.getHeaders("X-Forwarded-For")));
		boolean secure = request.isSecure() || "https".equalsIgnoreCase(strip(request.getHeader("X-Forwarded-Proto")));
		chain.doFilter(new Forwarded(request, client, secure), response);
	}

	private boolean trusted(String address) {
		return trustedProxies.permits(IpAddress.parse(address));
	}

	String clientBehind(String peer, List<String> headers) {
		List<String> hops = new ArrayList<>();
		for (String header : headers) {
			for (String hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		String client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			// one spelling per address, as the servlet container writes the socket peer's
			String hop = IpAddress.canonical(hops.get(i));
			if (hop == null) {
				// garbage in the chain: stop at the last hop a trusted proxy vouched for
				return client;
			}
			client = hop;
			if (!trusted(hop)) {
				return hop;
			}
		}
		return client;
	}

	private static String strip(String value) {
		return value == null ? null : value.split(",")[0].strip();
	}

	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		private final boolean secure;

		Forwarded(HttpServletRequest request, String client, boolean secure) {
			super(request);
			this.client = client;
			this.secure = secure;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

		@Override
		public boolean isSecure() {
			return secure;
		}

		@Override
		public String getScheme() {
			return secure ? "https" : super.getScheme();
		}
	}
}
