package io.gatehouse.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id and the client address on every log line written while a request is served (the MDC, which
 * the JSON log format writes as fields). The request id is the caller's {@code X-Request-Id} when it is a plain token
 * (a proxy's id follows the request through), else a new one; it is sent back in the same header either way.
 */
class RequestLogContext extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String REQUEST_ID = "request.id";

	static final String CLIENT_ADDRESS = "client.address";

	static final String ACTOR = "actor";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		// anything else could forge log lines or fields: only a plain token is carried over
		String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
		response.setHeader(HEADER, id);
		MDC.put(REQUEST_ID, id);
		MDC.put(CLIENT_ADDRESS, request.getRemoteAddr());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(REQUEST_ID);
			MDC.remove(CLIENT_ADDRESS);
			MDC.remove(ACTOR);
		}
	}
}
