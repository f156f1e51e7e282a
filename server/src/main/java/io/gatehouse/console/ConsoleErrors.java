package io.gatehouse.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.database.DatabaseOutage;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.DomainErrorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a refusal the page did not handle itself (forbidden, not found, a stale version...) into an error page, or
 * for an htmx request into a message in the page's flash area. Never a stack trace. Ordered before the API's advice,
 * which would answer in JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	private final ConsoleModel model;

	ConsoleErrors(ConsoleModel model) {
		this.model = model;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException ex, HttpServletRequest request, HttpServletResponse response) {
		String title = switch (ex.kind()) {
			case FORBIDDEN -> "Not allowed";
			case NOT_FOUND -> "Not found";
			case PRECONDITION_FAILED -> "Changed meanwhile";
			case UNAUTHENTICATED -> "Signed out";
			default -> "Could not do that";
		};
		return page(request, response, DomainErrorStatus.of(ex.kind()), title, ex.getMessage());
	}

	/** A race that a unique constraint settled and no feature named: a conflict to retry, as the API says. */
	@ExceptionHandler(DuplicateKeyException.class)
	ModelAndView duplicate(DuplicateKeyException ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("A unique constraint refused a write that no feature mapped to a conflict", ex);
		return page(request, response, HttpStatus.CONFLICT, "Could not do that",
				"The change clashes with another made at the same moment; reload and try again.");
	}

	/**
	 * An address whose id is not even an id (or a blank one) names no page: the same 404 as an id that does not
	 * exist.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingPathVariableException.class })
	ModelAndView mismatch(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof MissingPathVariableException
				|| ((MethodArgumentTypeMismatchException) ex).getParameter().hasParameterAnnotation(PathVariable.class)) {
			return page(request, response, HttpStatus.NOT_FOUND, "Not found", "There is no such page.");
		}
		return page(request, response, HttpStatus.BAD_REQUEST, "Could not do that",
				"The value of " + ((MethodArgumentTypeMismatchException) ex).getName() + " is not valid.");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (DatabaseOutage.isCause(ex)) {
			// the error page's layout reads the database too: the edge answers with a page of its own
			throw ex;
		}
		// Spring MVC's own refusals (a wrong method, a missing parameter...) carry their 4xx status
		if (ex instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
			return page(request, response, status, status == HttpStatus.NOT_FOUND ? "Not found" : "Could not do that",
					status == HttpStatus.NOT_FOUND ? "There is no such page." : "The request was not valid here.");
		}
		log.error("Unexpected failure in the console", ex);
		return page(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"Something went wrong on our side; it has been logged.");
	}

	ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String message) {
		ModelAndView page = new ModelAndView(ConsoleRedirects.isHtmx(request) ? "console/error :: flash" : "console/error");
		model.addTo(page);
		page.addObject("errorTitle", title);
		page.addObject("message", message);
		if (ConsoleRedirects.isHtmx(request)) {
			// htmx swaps only 2xx answers: the message goes into the flash area of the page that is open
			response.setHeader("HX-Retarget", "#flash");
			response.setHeader("HX-Reswap", "innerHTML");
			page.setStatus(HttpStatus.OK);
		}
		else {
			page.setStatus(status);
		}
		return page;
	}
}
