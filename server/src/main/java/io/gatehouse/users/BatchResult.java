package io.gatehouse.users;

import java.util.List;

import io.gatehouse.shared.DomainException;

/**
 * What a batch created, each account with its temporary password (shown this once), and what failed, each with
 * its position in the request and the reason.
 */
public record BatchResult(List<Created> created, List<Failed> failed) {

	public record Created(int index, User user, String temporaryPassword) {
	}

	public record Failed(int index, String email, DomainException failure) {
	}
}
