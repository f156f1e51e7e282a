package io.gatehouse.applications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application as registered. Never carries its secret.
 *
 * @param firstParty signs users in without a consent screen (the platform's own applications)
 */
public record Application(UUID id, String clientId, String name, ClientType type, boolean firstParty,
		List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> scopes, List<String> grantTypes,
		Duration accessTokenTimeToLive, Instant createdAt) {
}
