package io.gatehouse.api.users;

import java.util.List;

import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.BatchResult;

/** What a batch made: each new account with its temporary password (shown this once), and each failure with why. */
record BatchJson(List<CreatedJson> created, List<FailedJson> failed) {

	record CreatedJson(int index, UserJson user, String temporaryPassword) {
	}

	record FailedJson(int index, String email, String code, String detail, List<FieldViolation> errors) {
	}

	static BatchJson of(BatchResult result) {
		return new BatchJson(
				result.created().stream()
					.map(created -> new CreatedJson(created.index(), UserJson.of(created.user()), created.temporaryPassword()))
					.toList(),
				result.failed().stream()
					.map(failed -> new FailedJson(failed.index(), failed.email(), failed.failure().code(),
							failed.failure().getMessage(), failed.failure().violations()))
					.toList());
	}
}
