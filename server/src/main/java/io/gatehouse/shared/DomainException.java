package io.gatehouse.shared;

import java.util.List;

/**
 * A domain rule said no. Carries a stable {@code code} (it becomes the problem type), a {@link Kind} (it becomes
 * the HTTP status in the API door) and the fields at fault. Never carries HTTP types, SQL or class names.
 */
public class DomainException extends RuntimeException {

	public enum Kind {
		INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, TOO_MANY_REQUESTS
	}

	private final String code;

	private final Kind kind;

	private final List<FieldViolation> violations;

	public DomainException(Kind kind, String code, String message, List<FieldViolation> violations) {
		super(message);
		this.kind = kind;
		this.code = code;
		this.violations = List.copyOf(violations);
	}

	public DomainException(Kind kind, String code, String message) {
		this(kind, code, message, List.of());
	}

	public static DomainException invalid(String code, String message, List<FieldViolation> violations) {
		return new DomainException(Kind.INVALID, code, message, violations);
	}

	public static DomainException invalidField(String field, String rule, String message) {
		return new DomainException(Kind.INVALID, "validation-failed", field + " " + message,
				List.of(new FieldViolation(field, rule, message)));
	}

	public static DomainException notFound(String code, String message) {
		return new DomainException(Kind.NOT_FOUND, code, message);
	}

	public static DomainException conflict(String code, String message, String field) {
		return new DomainException(Kind.CONFLICT, code, message,
				field == null ? List.of() : List.of(new FieldViolation(field, "unique", message)));
	}

	/** Optimistic concurrency lost: the {@code thing} changed since the client read it. */
	public static DomainException versionMismatch(String thing) {
		return new DomainException(Kind.PRECONDITION_FAILED, "version-mismatch",
				"The " + thing + " was changed since you read it; read it again and retry.");
	}

	public static DomainException forbidden(String code, String message) {
		return new DomainException(Kind.FORBIDDEN, code, message);
	}

	public String code() {
		return code;
	}

	public Kind kind() {
		return kind;
	}

	public List<FieldViolation> violations() {
		return violations;
	}

	/** Further facts a client can act on (e.g. the resources that block a deletion); never secrets. */
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of();
	}

	// Domain failures are expected outcomes, not bugs: a stack trace would only cost time on hot paths.
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
