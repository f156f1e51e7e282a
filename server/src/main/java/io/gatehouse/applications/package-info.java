/**
 * Applications: the OAuth clients that sign their users in with Gatehouse over OpenID Connect, registered by whoever
 * holds {@code applications:*}, kept in the authorization server's own client table with their secrets hashed.
 */
package io.gatehouse.applications;
