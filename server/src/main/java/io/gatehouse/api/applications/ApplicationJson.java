package io.gatehouse.api.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.applications.Application;
import io.gatehouse.applications.ApplicationDraft;
import io.gatehouse.applications.ClientType;
import io.gatehouse.applications.RegisteredApplication;
import io.gatehouse.shared.DomainException;

/**
 * An application as the API shows it. {@code clientSecret} appears only in the answer that made it (registration,
 * rotation), never again; {@code previousSecretExpiresAt} only in a rotation's answer, when the previous secret keeps
 * working for a while.
 */
record ApplicationJson(UUID id, String clientId, String clientSecret, Instant previousSecretExpiresAt, String name,
		String type, boolean firstParty, List<String> redirectUris, List<String> postLogoutRedirectUris,
		List<String> scopes, List<String> grantTypes, long accessTokenLifetimeSeconds, Instant createdAt) {

	static ApplicationJson of(Application application) {
		return of(application, null, null);
	}

	static ApplicationJson of(RegisteredApplication registered) {
		return of(registered.application(), registered.clientSecret(), registered.previousSecretExpiresAt());
	}

	private static ApplicationJson of(Application application, String secret, Instant previousUntil) {
		return new ApplicationJson(application.id(), application.clientId(), secret, previousUntil, application.name(),
				application.type().name().toLowerCase(), application.firstParty(), application.redirectUris(),
				application.postLogoutRedirectUris(), application.scopes(), application.grantTypes(),
				application.accessTokenTimeToLive().toSeconds(), application.createdAt());
	}

	/** The body of a registration ({@code POST}) or a change ({@code PATCH}: what is left out stays). */
	record ApplicationRequest(String name, String type, Boolean firstParty, List<String> redirectUris,
			List<String> postLogoutRedirectUris, List<String> scopes, List<String> grantTypes) {

		ApplicationDraft draft() {
			return new ApplicationDraft(name, type(type), firstParty, redirectUris, postLogoutRedirectUris, scopes,
					grantTypes);
		}

		private static ClientType type(String type) {
			if (type == null) {
				return null;
			}
			return switch (type) {
				case "confidential" -> ClientType.CONFIDENTIAL;
				case "public" -> ClientType.PUBLIC;
				default -> throw DomainException.invalidField("type", "one-of", "must be confidential or public");
			};
		}
	}
}
