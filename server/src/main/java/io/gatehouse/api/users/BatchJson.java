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

	static BatchJson of(BatchResult result, UserViews views) {
		List<UserJson> users = views.of(result.created().stream().map(BatchResult.Created::user).toList());
		List<CreatedJson> created = new java.util.ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			BatchResult.Created made = result.created().get(i);
			created.add(new CreatedJson(made.index(), users.get(i), made.temporaryPassword()));
		}
		return new BatchJson(created,
				result.failed().stream()
					.map(failed -> new FailedJson(failed.index(), failed.email(), failed.failure().code(),
							failed.failure().getMessage(), failed.failure().violations()))
					.toList());
	}
}
