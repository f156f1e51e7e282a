package io.gatehouse.web;

import java.util.Map;

import io.gatehouse.shared.DomainException;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each kind of domain refusal, one table for both doors: the same refusal must not be a 409 in
 * the API and a 400 on a console page.
 */
public final class DomainErrorStatus {

	private static final Map<DomainException.Kind, HttpStatus> STATUS = Map.of(
			DomainException.Kind.INVALID, HttpStatus.BAD_REQUEST,
			DomainException.Kind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
			DomainException.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
			DomainException.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
			DomainException.Kind.CONFLICT, HttpStatus.CONFLICT,
			DomainException.Kind.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED,
			DomainException.Kind.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS);

	private DomainErrorStatus() {
	}

	public static HttpStatus of(DomainException.Kind kind) {
		return STATUS.get(kind);
	}
}
