/**
 * The OpenID Provider door: Spring Security's authorization server (discovery, JWKS, the code flow with PKCE,
 * refresh, client credentials, introspection, revocation, userinfo, logout) glued to Gatehouse's users, sign-in,
 * sessions and audit log. Applications themselves are registered in the applications module.
 */
package io.gatehouse.oidc;
