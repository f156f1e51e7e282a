package io.gatehouse.users;

/**
 * The identity fields an external identity provider asserts for a person: taken at every sign-in, read-only here.
 *
 * @param source which kind of provider made the account ({@link UserSource#OIDC}, {@link UserSource#SAML})
 * @param externalId the provider's own name for the person (issuer and subject), kept on the account for display
 */
public record ExternalIdentity(UserSource source, String externalId, String email, boolean emailVerified,
		String firstName, String lastName, String displayName, String department) {
}
