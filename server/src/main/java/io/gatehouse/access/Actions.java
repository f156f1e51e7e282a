package io.gatehouse.access;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The four actions every area has. Areas may add their own (e.g. {@code refund}); those are plain strings. */
public final class Actions {

	public static final String CREATE = "create";

	public static final String READ = "read";

	public static final String UPDATE = "update";

	public static final String DELETE = "delete";

	public static final Set<String> CRUD = Set.of(CREATE, READ, UPDATE, DELETE);

	/** The actions of a comma-separated list as stored in the catalog's tables. */
	public static Set<String> parse(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return Set.of();
		}
		return new HashSet<>(Arrays.asList(commaSeparated.split(",")));
	}

	private Actions() {
	}
}
