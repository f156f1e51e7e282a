package io.gatehouse.access;

/** Permission names as searchable constants, in {@code area:action} form. */
public final class Permissions {

	public static final String USERS_CREATE = "users:create";

	public static final String USERS_READ = "users:read";

	public static final String USERS_UPDATE = "users:update";

	public static final String USERS_DELETE = "users:delete";

	public static final String TOKENS_READ = "tokens:read";

	public static final String TOKENS_DELETE = "tokens:delete";

	public static final String AUDIT_READ = "audit:read";

	public static final String RESOURCES_CREATE = "resources:create";

	public static final String RESOURCES_READ = "resources:read";

	public static final String RESOURCES_UPDATE = "resources:update";

	public static final String RESOURCES_DELETE = "resources:delete";

	public static final String GROUPS_CREATE = "groups:create";

	public static final String GROUPS_READ = "groups:read";

	public static final String GROUPS_UPDATE = "groups:update";

	public static final String GROUPS_DELETE = "groups:delete";

	public static final String ROLES_CREATE = "roles:create";

	public static final String ROLES_READ = "roles:read";

	public static final String ROLES_DELETE = "roles:delete";

	public static final String ROLES_UPDATE = "roles:update";

	public static final String SETTINGS_READ = "settings:read";

	public static final String SETTINGS_UPDATE = "settings:update";

	public static final String APPLICATIONS_CREATE = "applications:create";

	public static final String APPLICATIONS_READ = "applications:read";

	public static final String APPLICATIONS_UPDATE = "applications:update";

	public static final String APPLICATIONS_DELETE = "applications:delete";

	private Permissions() {
	}
}
