package io.gatehouse.scim;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.DomainErrorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Every refusal of the SCIM door in the SCIM error schema (RFC 7644 §3.12), with a {@code scimType} where the RFC has
 * one. The detail is the domain's own message: never a class name, SQL or a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ScimErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ScimErrors {

	static final String MEDIA_TYPE = "application/scim+json";

	private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

	@ExceptionHandler(ScimException.class)
	ResponseEntity<String> scim(ScimException ex) {
		ErrorResponse error = ex.getScimError();
		return response(error.getStatus(), error.getScimType(), error.getDetail());
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<String> domain(DomainException ex) {
		int status = DomainErrorStatus.of(ex.kind()).value();
		String detail = ex.violations().isEmpty() ? ex.getMessage()
				: ex.getMessage() + " " + ex.violations()
					.stream()
					.map(v -> ScimNames.of(v.field()) + ": " + v.message())
					.collect(Collectors.joining("; "));
		String scimType = switch (ex.kind()) {
			case INVALID -> ex.violations().stream().anyMatch(v -> "immutable".equals(v.rule()))
					? BadRequestException.MUTABILITY : BadRequestException.INVALID_VALUE;
			case CONFLICT -> ex.code().endsWith("-taken") ? BadRequestException.UNIQUENESS : null;
			default -> null;
		};
		return response(status, scimType, detail);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, JacksonException.class })
	ResponseEntity<String> unreadable(Exception ex) {
		return response(400, BadRequestException.INVALID_SYNTAX, "The request body is not a valid SCIM JSON document.");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class })
	ResponseEntity<String> badParameter(Exception ex) {
		return response(400, BadRequestException.INVALID_VALUE, "A query parameter or header has an invalid value.");
	}

	@ExceptionHandler(HttpMediaTypeException.class)
	ResponseEntity<String> mediaType(HttpMediaTypeException ex) {
		return response(415, null, "Send application/scim+json or application/json.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<String> illegal(IllegalArgumentException ex) {
		// the SDK reports some malformed input (a path, a value of the wrong type) this way
		log.debug("SCIM request refused as invalid", ex);
		return response(400, BadRequestException.INVALID_VALUE, "The request has a value SCIM cannot read here.");
	}

	/** A failure of ours: logged, and answered in SCIM's format without a word of its cause. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex) throws Exception {
		if (ex instanceof org.springframework.web.ErrorResponse) {
			// Spring MVC's own refusals (405, 406, ...) keep their status
			int status = ((org.springframework.web.ErrorResponse) ex).getStatusCode().value();
			return response(status, null, "This request is not supported here.");
		}
		log.error("Unexpected failure at the SCIM door", ex);
		return response(500, null, "Something went wrong on our side; it has been logged.");
	}

	static ResponseEntity<String> response(int status, String scimType, String detail) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
			.body(body(status, scimType, detail));
	}

	static void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MEDIA_TYPE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body(status, scimType, detail));
	}

	private static String body(int status, String scimType, String detail) {
		ErrorResponse error = new ErrorResponse(status);
		error.setScimType(scimType);
		error.setDetail(detail);
		return JsonUtils.getObjectWriter().writeValueAsString(error);
	}
}
