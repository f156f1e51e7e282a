package io.gatehouse.console;

import io.gatehouse.shared.DomainException;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a console controller take the signed-in {@link ConsoleUser}. A type of its own rather than {@code Actor}, so
 * that it never competes with the API door's resolver of actors.
 */
final class ConsoleUserResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ConsoleUser.class;
	}

	@Override
	public ConsoleUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ConsoleAuthentication console) {
			return console.getPrincipal();
		}
		throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated", "Sign in first.");
	}
}
