package io.gatehouse.provisioning;

import io.gatehouse.shared.DomainException;

/**
 * The one If-Match rule of SCIM writes (PUT, PATCH, DELETE of users and groups): an If-Match naming another version
 * than the stored one refuses the write (412); none, or {@code *}, lets it through.
 */
final class IfMatch {

	private IfMatch() {
	}

	static void check(String ifMatch, String version, String what) {
		if (ifMatch != null && !ifMatch.strip().equals("*") && !ifMatch.strip().equals(version)) {
			throw DomainException.versionMismatch(what);
		}
	}
}
