package io.gatehouse.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.gatehouse.shared.FieldViolation;

/** The shape of a provider's fields, checked without the database. */
final class ProviderRules {

	static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

	private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	// RFC 6749 scope-token: printable ASCII but space, double quote and backslash
	private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

	private static final Pattern ACR = Pattern.compile("[\\x21-\\x7e]{1,255}");

	private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:/-]{1,100}");

	static final int MAX_MAPPINGS = 100;

	private ProviderRules() {
	}

	static void checkAlias(String alias, List<FieldViolation> violations) {
		if (alias == null || alias.isEmpty()) {
			violations.add(new FieldViolation("alias", "required", "is required"));
		}
		else if (!ALIAS.matcher(alias).matches()) {
			violations.add(new FieldViolation("alias", "pattern",
					"must be 1 to 40 lowercase letters, digits or hyphens, starting with a letter or digit"));
		}
	}

	/**
	 * HTTPS, or plain HTTP to this machine only (a provider run next to Gatehouse for a trial): tokens and the client
	 * secret travel to these addresses.
	 */
	static void checkUrl(String field, String value, boolean required, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(new FieldViolation(field, "required", "is required"));
			}
			return;
		}
		if (value.length() > 500) {
			violations.add(new FieldViolation(field, "length", "must be at most 500 characters"));
			return;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			boolean local = host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
			if (host == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
					|| !(scheme.equals("https") || (scheme.equals("http") && local))) {
				violations.add(new FieldViolation(field, "url",
						"must be an https URL without query or fragment (http only to localhost)"));
			}
		}
		catch (URISyntaxException ex) {
			violations.add(new FieldViolation(field, "url", "must be an https URL"));
		}
	}

	static List<String> scopes(List<String> scopes, List<FieldViolation> violations) {
		if (scopes == null || scopes.isEmpty()) {
			return DEFAULT_SCOPES;
		}
		Set<String> clean = new LinkedHashSet<>();
		for (int i = 0; i < scopes.size(); i++) {
			String scope = scopes.get(i);
			if (scope == null || !SCOPE.matcher(scope).matches()) {
				violations.add(new FieldViolation("scopes[" + i + "]", "pattern", "must be a scope token"));
			}
			else {
				clean.add(scope);
			}
		}
		if (!clean.contains("openid")) {
			violations.add(new FieldViolation("scopes", "openid", "must include openid"));
		}
		if (clean.size() > 20) {
			violations.add(new FieldViolation("scopes", "size", "must be at most 20 scopes"));
		}
		return new ArrayList<>(clean);
	}

	/** {@code acr} values: tokens without spaces (as {@code acr_values} sends them), at most 20, none twice. */
	static List<String> acrValues(List<String> values, List<FieldViolation> violations) {
		if (values == null) {
			return List.of();
		}
		Set<String> clean = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || !ACR.matcher(value).matches()) {
				violations.add(new FieldViolation("trustedAcrValues[" + i + "]", "pattern",
						"must be 1 to 255 visible characters without spaces"));
			}
			else {
				clean.add(value);
			}
		}
		if (clean.size() > 20) {
			violations.add(new FieldViolation("trustedAcrValues", "size", "must be at most 20 values"));
		}
		return List.copyOf(clean);
	}

	static void checkMapping(int i, ClaimMapping mapping, List<FieldViolation> violations) {
		String at = "mappings[" + i + "]";
		if (mapping == null) {
			violations.add(new FieldViolation(at, "required", "must be an object"));
			return;
		}
		if (mapping.claim() == null || !CLAIM.matcher(mapping.claim()).matches()) {
			violations.add(new FieldViolation(at + ".claim", "pattern",
					"must be a claim name: 1 to 100 letters, digits or _ . : / -"));
		}
		if (mapping.value() == null || mapping.value().isEmpty() || mapping.value().length() > 255
				|| mapping.value().chars().anyMatch(Character::isISOControl)) {
			violations.add(new FieldViolation(at + ".value", "length", "must be 1 to 255 printable characters"));
		}
		if ((mapping.groupId() == null) == (mapping.roleId() == null)) {
			violations.add(new FieldViolation(at, "one-of", "must give exactly one of groupId and roleId"));
		}
		else if (mapping.groupId() != null && mapping.resourceId() != null) {
			violations.add(new FieldViolation(at + ".resourceId", "with-role", "goes with a roleId only"));
		}
	}
}
