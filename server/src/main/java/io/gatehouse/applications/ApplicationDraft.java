package io.gatehouse.applications;

import java.util.List;

/**
 * What a caller asks for when registering or changing an application. On a change, a null field keeps what the
 * application has; the type never changes (a public client has no secret to start from).
 */
public record ApplicationDraft(String name, ClientType type, Boolean firstParty, List<String> redirectUris,
		List<String> postLogoutRedirectUris, List<String> scopes, List<String> grantTypes) {
}
