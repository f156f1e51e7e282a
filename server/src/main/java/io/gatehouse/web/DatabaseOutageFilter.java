package io.gatehouse.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.database.DatabaseOutage;
import io.gatehouse.database.DatabaseProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request that needs it is answered {@code 503} with
 * {@code Retry-After}: at once when the probe already knows (no thread waits out the pool's timeout, so the health
 * endpoints and everyone else keep being answered), and otherwise when a door or a filter fails for that reason,
 * which would have been a 500. A problem detail for clients, a short page for a browser in the console.
 * Health, metrics and static files go through: they do not need the database.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private final DatabaseProbe probe;

	DatabaseOutageFilter(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean needsDatabase = !path.startsWith("/actuator/") && !path.startsWith("/assets/")
				&& !path.startsWith("/webjars/") && !path.equals("/favicon.ico");
		if (needsDatabase && !probe.reachable()) {
			unavailable(request, response, path);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseOutage.isCause(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			unavailable(request, response, path);
		}
	}

	private static void unavailable(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
		boolean console = path.equals("/") || path.equals("/console") || path.startsWith("/console/");
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (console && accept != null && accept.contains("text/html")) {
			response.setStatus(503);
			SecurityHeaders.write(request, response);
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
			return;
		}
		EdgeProblems.write(request, response, 503, "database-unavailable", DatabaseOutage.DETAIL);
	}

	// on its own, without the console's layout: that one reads the signed-in user from the database
	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
			<title>Temporarily unavailable · Gatehouse</title>
			<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
			</head><body><main>
			<h1>Temporarily unavailable</h1>
			<p>Gatehouse cannot reach its database at the moment. Nothing was changed.</p>
			<p>Try again in a few seconds: <a href="">reload this page</a>.</p>
			</main></body></html>
			""";
}
