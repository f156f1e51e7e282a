package io.gatehouse.access;

import java.util.Set;

/** The four actions every area has. Areas may add their own (e.g. {@code refund}); those are plain strings. */
public final class Actions {

	public static final String CREATE = "create";

	public static final String READ = "read";

	public static final String UPDATE = "update";

	public static final String DELETE = "delete";

	public static final Set<String> CRUD = Set.of(CREATE, READ, UPDATE, DELETE);

	private Actions() {
	}
}
