package io.gatehouse.console.applications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.gatehouse.applications.Application;
import io.gatehouse.applications.ApplicationDraft;
import io.gatehouse.applications.ClientType;

/**
 * An application as the console's form sends it: the redirect URIs one per line, the scopes and grant types as
 * ticked boxes, the type as {@code confidential} or {@code public}.
 */
record ApplicationForm(String name, String type, Boolean firstParty, String redirectUris,
		String postLogoutRedirectUris, List<String> scopes, List<String> grantTypes) {

	ApplicationForm {
		firstParty = Boolean.TRUE.equals(firstParty);
		scopes = scopes == null ? List.of() : scopes;
		grantTypes = grantTypes == null ? List.of() : grantTypes;
	}

	/** What a new application starts with: a web application signing users in. */
	static ApplicationForm blank() {
		return new ApplicationForm("", "confidential", false, "", "", List.of("openid", "profile", "email"),
				List.of("authorization_code", "refresh_token"));
	}

	static ApplicationForm of(Application application) {
		return new ApplicationForm(application.name(), application.type().name().toLowerCase(Locale.ROOT),
				application.firstParty(), String.join("\n", application.redirectUris()),
				String.join("\n", application.postLogoutRedirectUris()), application.scopes(),
				application.grantTypes());
	}

	/** The draft for the domain, which checks it; an unknown type is left out, so the domain names the field. */
	ApplicationDraft draft() {
		return new ApplicationDraft(name, clientType(), firstParty, lines(redirectUris), lines(postLogoutRedirectUris),
				scopes, grantTypes);
	}

	private ClientType clientType() {
		return switch (type == null ? "" : type) {
			case "confidential" -> ClientType.CONFIDENTIAL;
			case "public" -> ClientType.PUBLIC;
			default -> null;
		};
	}

	public boolean has(String value) {
		return scopes.contains(value) || grantTypes.contains(value);
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}
}
