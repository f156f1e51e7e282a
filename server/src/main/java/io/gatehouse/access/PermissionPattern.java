package io.gatehouse.access;

/**
 * What a custom role or a token scope holds: {@code area:action} where either part may be {@code *}
 * ({@code projects:*}, {@code *:read}, {@code *:*}). Only a whole part can be a wildcard; {@code proj*} is refused
 * rather than guessed at.
 */
public record PermissionPattern(String area, String action) {

	public static final String ANY = "*";

	public static final PermissionPattern ALL = new PermissionPattern(ANY, ANY);

	public PermissionPattern {
		String problem = problemWith("area", area);
		if (problem == null) {
			problem = problemWith("action", action);
		}
		if (problem != null) {
			throw new IllegalArgumentException("Invalid permission pattern: " + problem);
		}
	}

	public static PermissionPattern parse(String text) {
		int colon = Permission.colonOf(text, "permission pattern");
		String area = text.substring(0, colon);
		String action = text.substring(colon + 1);
		String problem = problemWith("area", area);
		if (problem == null) {
			problem = problemWith("action", action);
		}
		if (problem != null) {
			throw new IllegalArgumentException("'" + text + "' is not a permission pattern: " + problem);
		}
		return new PermissionPattern(area, action);
	}

	/** The pattern that matches exactly this permission. */
	public static PermissionPattern of(Permission permission) {
		return new PermissionPattern(permission.area(), permission.action());
	}

	public boolean matches(Permission permission) {
		return (ANY.equals(area) || area.equals(permission.area()))
				&& (ANY.equals(action) || action.equals(permission.action()));
	}

	@Override
	public String toString() {
		return area + ":" + action;
	}

	private static String problemWith(String part, String value) {
		return ANY.equals(value) ? null : Permission.problemWith(part, value);
	}
}
