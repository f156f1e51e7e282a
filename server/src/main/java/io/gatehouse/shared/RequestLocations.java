package io.gatehouse.shared;

import java.util.ArrayList;
import java.util.List;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/** For operations applied in a batch: a failure of one item says which item, as the request names it. */
public final class RequestLocations {

	private RequestLocations() {
	}

	/** The same failure, with its fields named as they appear in the request: {@code bindings[2].roleId}. */
	public static DomainException located(DomainException ex, String field) {
		if (ex.kind() == DomainException.Kind.NOT_FOUND) {
			return DomainException.invalidField(field + ".resourceId", "exists", "is not a known resource");
		}
		List<FieldViolation> violations = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			violations.add(new FieldViolation(field + "." + violation.field(), violation.rule(), violation.message()));
		}
		String message = violations.isEmpty() ? field + ": " + ex.getMessage() : ex.getMessage();
		return new DomainException(ex.kind(), ex.code(), message,
				violations.isEmpty() ? List.of(new FieldViolation(field, ex.code(), ex.getMessage())) : violations);
	}
}
