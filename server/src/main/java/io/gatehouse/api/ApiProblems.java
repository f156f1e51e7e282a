package io.gatehouse.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.gatehouse.database.DatabaseOutage;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.shared.TooManyAttempts;
import io.gatehouse.web.BodyTooLarge;
import io.gatehouse.web.DomainErrorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem detail with a stable {@code type} per cause and, where input was at
 * fault, {@code errors: [{field, rule, message}]}. Never a class name, SQL or stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		HttpStatus status = DomainErrorStatus.of(ex.kind());
		ProblemDetail problem = problem(status, ex.code(), ex.getMessage(), ex.violations());
		ex.properties().forEach(problem::setProperty);
		ResponseEntity<ProblemDetail> response = respond(problem);
		if (ex instanceof TooManyAttempts tooMany) {
			return ResponseEntity.status(status)
				.headers(response.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()))
				.body(response.getBody());
		}
		return response;
	}

	/**
	 * A unique constraint had the last word on a race that no feature mapped to its own conflict: still a conflict
	 * the client can retry, never a 500. Logged, so that the feature can learn to name the field.
	 */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		log.warn("A unique constraint refused a write that no feature mapped to a conflict", ex);
		return respond(problem(HttpStatus.CONFLICT, "conflict",
				"The change clashes with another made at the same moment; read again and retry.", List.of()));
	}

	/**
	 * A write waited too long for a row another request was changing (a lock timeout, a deadlock): the same data was
	 * being changed at the same moment, which is a conflict to retry as well.
	 */
	@ExceptionHandler({ ConcurrencyFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> contended(DataAccessException ex) {
		log.warn("A write gave up waiting for a row another request held", ex);
		return respond(problem(HttpStatus.CONFLICT, "concurrent-change",
				"The same data was being changed by another request at the same moment; retry.", List.of()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.isCause(ex)) {
			return unavailable(ex);
		}
		log.error("Unexpected failure", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on our side; it has been logged.", List.of()));
	}

	/** The database cannot be reached: nothing was done, and the same request may be sent again shortly. */
	private ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		// the probe says it once for the node; a line per refused request would bury it
		log.debug("A request failed because the database cannot be reached: {}", ex.toString());
		ResponseEntity<ProblemDetail> response = respond(
				problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", DatabaseOutage.DETAIL, List.of()));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.headers(response.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
			.body(response.getBody());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLarge tooLarge = cause(ex, BodyTooLarge.class);
		if (tooLarge != null) {
			return new ResponseEntity<>(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", tooLarge.getMessage(),
					List.of()), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
		}
		FieldViolation violation = null;
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			violation = new FieldViolation(unknown.getPropertyName(), "unknown-field", "is not a field of this request");
		}
		else if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			if (json instanceof ApiText.ControlCharacter) {
				violation = new FieldViolation(field(json), "characters", "must not contain control characters");
			}
			else if (json instanceof InvalidNullException) {
				violation = new FieldViolation(field(json), "not-null", "must not be null");
			}
			else {
				violation = new FieldViolation(field(json), "type", "has the wrong type or format");
			}
		}
		ProblemDetail body = violation == null
				? problem(HttpStatus.BAD_REQUEST, "malformed-request",
						"The request body is not valid JSON, or names a field twice.", List.of())
				: problem(HttpStatus.BAD_REQUEST, "validation-failed",
						violation.field() + " " + violation.message(), List.of(violation));
		return new ResponseEntity<>(body, problemHeaders(), HttpStatus.BAD_REQUEST);
	}

	/** A path or query value that cannot be read as its parameter's type, named with the rule it broke. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException argument
				&& argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// an id that is not even an id names nothing: the same answer as an id nothing has
			String thing = MalformedIds.thing(request, argument.getName());
			return new ResponseEntity<>(problem(HttpStatus.NOT_FOUND, thing + "-not-found",
					"No " + thing.replace('-', ' ') + " has this id.", List.of()), problemHeaders(),
					HttpStatus.NOT_FOUND);
		}
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: ex.getPropertyName();
		FieldViolation violation = cause(ex, ApiParameters.ControlCharacter.class) != null
				? new FieldViolation(name, "characters", "must not contain control characters")
				: new FieldViolation(name, "type", "has the wrong type or format");
		return new ResponseEntity<>(problem(HttpStatus.BAD_REQUEST, "validation-failed",
				violation.field() + " " + violation.message(), List.of(violation)), problemHeaders(),
				HttpStatus.BAD_REQUEST);
	}

	/** The JSON path of a failure as a client writes it: {@code bindings[0].roleId}. */
	private static String field(JacksonException json) {
		return json.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/** Gives Spring MVC's own problems (404, 405, 415, bad parameters...) a Gatehouse type too. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && (problem.getType() == null
				|| URI.create("about:blank").equals(problem.getType()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String code = status == null ? "error" : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
			problem.setType(URI.create(ProblemWriter.TYPE_PREFIX + code));
			problem.setProperty("code", code);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldViolation> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(ProblemWriter.TYPE_PREFIX + code));
		problem.setTitle(title(code));
		problem.setProperty("code", code);
		if (!violations.isEmpty()) {
			problem.setProperty("errors", violations);
		}
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).headers(problemHeaders()).body(problem);
	}

	private static HttpHeaders problemHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
		return headers;
	}

	private static String title(String code) {
		String words = code.replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}
}
