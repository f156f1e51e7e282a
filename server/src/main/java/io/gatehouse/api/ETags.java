package io.gatehouse.api;

import io.gatehouse.shared.DomainException;

/** Versions as entity tags: {@code "7"} on the way out, {@code If-Match: "7"} on the way back. */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/** The version an {@code If-Match} header names, or {@code null} when the client sent none (or {@code *}). */
	public static Long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new DomainException(DomainException.Kind.PRECONDITION_FAILED, "version-mismatch",
					"If-Match does not name a version of this resource; read it again and retry.");
		}
	}
}
