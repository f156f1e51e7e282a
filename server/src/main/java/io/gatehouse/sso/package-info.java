/**
 * Single sign-on through external identity providers: the providers an administrator registers, the rules that turn
 * a provider's claims into groups and roles, the link from a provider's subject to an account, and the OpenID Connect
 * relying party under {@code /sso/oidc} that signs people in with them.
 */
package io.gatehouse.sso;
