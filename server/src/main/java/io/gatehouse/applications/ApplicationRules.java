package io.gatehouse.applications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/**
 * What an application may be registered with. Redirect URIs are matched exactly by the authorization server, so
 * here they only have to be absolute, without a fragment, and over TLS unless they stay on the machine (RFC 8252:
 * loopback and private-use schemes for native apps). Public clients get no client credentials: they have no secret.
 */
final class ApplicationRules {

	static final Set<String> SCOPES = Set.of("openid", "profile", "email", "roles", "groups");

	static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");

	static final int NAME_MAX = 200;

	/** The columns hold the space-separated lists; they are 1000 characters long. */
	static final int URI_LIST_MAX = 1000;

	private ApplicationRules() {
	}

	/** The draft, complete and checked; every violation at once. */
	static ApplicationDraft check(ApplicationDraft draft) {
		List<FieldViolation> violations = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty()) {
			violations.add(new FieldViolation("name", "required", "must not be empty"));
		}
		else if (name.length() > NAME_MAX) {
			violations.add(new FieldViolation("name", "max-length", "must be at most " + NAME_MAX + " characters"));
		}
		if (draft.type() == null) {
			violations.add(new FieldViolation("type", "required", "must be confidential or public"));
		}
		List<String> grants = distinct(draft.grantTypes());
		if (grants.isEmpty()) {
			violations.add(new FieldViolation("grantTypes", "required", "must name at least one grant type"));
		}
		for (String grant : grants) {
			if (!GRANT_TYPES.contains(grant)) {
				violations.add(new FieldViolation("grantTypes", "one-of",
						"may hold only authorization_code, refresh_token and client_credentials, not '" + grant + "'"));
			}
		}
		if (draft.type() == ClientType.PUBLIC && grants.contains("client_credentials")) {
			violations.add(new FieldViolation("grantTypes", "public-client",
					"a public application has no secret, so it cannot use client_credentials"));
		}
		if (grants.contains("refresh_token") && !grants.contains("authorization_code")) {
			violations.add(new FieldViolation("grantTypes", "refresh-needs-code",
					"refresh_token comes with authorization_code"));
		}
		List<String> redirects = distinct(draft.redirectUris());
		if (grants.contains("authorization_code") && redirects.isEmpty()) {
			violations.add(new FieldViolation("redirectUris", "required",
					"an application using authorization_code needs at least one redirect URI"));
		}
		checkUris("redirectUris", redirects, violations);
		List<String> logoutRedirects = distinct(draft.postLogoutRedirectUris());
		checkUris("postLogoutRedirectUris", logoutRedirects, violations);
		List<String> scopes = distinct(draft.scopes());
		for (String scope : scopes) {
			if (!SCOPES.contains(scope)) {
				violations.add(new FieldViolation("scopes", "one-of",
						"may hold only openid, profile, email, roles and groups, not '" + scope + "'"));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid("application-invalid", "The application is not valid.", violations);
		}
		return new ApplicationDraft(name, draft.type(), Boolean.TRUE.equals(draft.firstParty()), redirects,
				logoutRedirects, scopes, grants);
	}

	private static void checkUris(String field, List<String> uris, List<FieldViolation> violations) {
		if (String.join(" ", uris).length() > URI_LIST_MAX) {
			violations.add(new FieldViolation(field, "max-length",
					"must be at most " + URI_LIST_MAX + " characters together"));
		}
		for (String value : uris) {
			String problem = uriProblem(value);
			if (problem != null) {
				violations.add(new FieldViolation(field, "redirect-uri", "'" + value + "' " + problem));
			}
		}
	}

	/** Why the URI cannot be a redirect URI, or null. */
	static String uriProblem(String value) {
		if (value.isBlank() || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
			return "must not be empty or hold spaces";
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return "is not a URI";
		}
		if (!uri.isAbsolute()) {
			return "must be absolute";
		}
		if (uri.getRawFragment() != null) {
			return "must not have a fragment";
		}
		String scheme = uri.getScheme().toLowerCase();
		if (scheme.equals("https")) {
			return uri.getHost() == null ? "must name a host" : null;
		}
		if (scheme.equals("http")) {
			String host = uri.getHost();
			return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"))
					? null : "must use https, except on localhost";
		}
		// a private-use scheme of a native app (RFC 8252 section 7.1) is a reverse domain name, never a web scheme
		if (!scheme.contains(".") || scheme.equals("javascript") || scheme.equals("data")) {
			return "must use https, or a reverse-domain scheme of a native app";
		}
		return null;
	}

	private static List<String> distinct(List<String> values) {
		if (values == null) {
			return List.of();
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String value : values) {
			seen.add(value == null ? "" : value.strip());
		}
		return List.copyOf(seen);
	}
}
