package io.gatehouse.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading claims: a name is first a claim of its own, then a dotted path into nested objects (Keycloak's realm_access.roles). */
final class ClaimValues {

	// RFC 8176 methods that are a second factor, or two at once
	private static final Set<String> SECOND_FACTOR = Set.of("mfa", "otp", "hwk", "sc", "fpt", "face", "iris",
			"retina", "vbm");

	private ClaimValues() {
	}

	static Object find(Map<String, Object> claims, String name) {
		if (claims.containsKey(name)) {
			return claims.get(name);
		}
		Object current = claims;
		for (String part : name.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	/** A list claim contains the value; any other claim equals it, as text. */
	static boolean holds(Map<String, Object> claims, String name, String value) {
		Object found = find(claims, name);
		if (found instanceof Collection<?> values) {
			return values.stream().anyMatch(v -> v != null && value.equals(v.toString()));
		}
		return found != null && !(found instanceof Map) && value.equals(found.toString());
	}

	static String text(Map<String, Object> claims, String name) {
		Object found = claims.get(name);
		return found instanceof String s ? s : null;
	}

	static boolean isTrue(Map<String, Object> claims, String name) {
		Object found = claims.get(name);
		return Boolean.TRUE.equals(found) || "true".equals(found);
	}

	/** The sign-in's {@code acr} (a single value, OpenID Connect Core 2) is one of {@code trusted}. */
	static boolean hasAcr(Map<String, Object> claims, List<String> trusted) {
		return claims.get("acr") instanceof String acr && trusted.contains(acr);
	}

	static boolean provesSecondFactor(Map<String, Object> claims) {
		Object amr = claims.get("amr");
		List<?> methods = amr instanceof Collection<?> c ? List.copyOf(c) : List.of();
		return methods.stream().anyMatch(m -> m != null && SECOND_FACTOR.contains(m.toString()));
	}
}
