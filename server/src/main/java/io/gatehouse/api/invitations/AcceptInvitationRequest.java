package io.gatehouse.api.invitations;

/** The body of {@code POST /api/v1/invitations/accept}: the token from the mailed link and the chosen password. */
record AcceptInvitationRequest(String token, String password) {
}
