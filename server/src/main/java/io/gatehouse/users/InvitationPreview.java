package io.gatehouse.users;

/**
 * What an invitation link's page may show before the link is used: the account being invited and who invited them.
 *
 * @param invitedBy the inviter's name as the console shows people; null when the system invited
 */
public record InvitationPreview(String username, String email, String invitedBy) {
}
