package io.gatehouse.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.shared.Actor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds who is acting (the username, or {@code system}) to the log lines of a request, once a door's security chain
 * has said who it is. {@link RequestLogContext} removes it when the request ends.
 */
class ActorLogContext extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor
				&& actor.username() != null) {
			MDC.put(RequestLogContext.ACTOR, actor.username());
		}
		chain.doFilter(request, response);
	}
}
