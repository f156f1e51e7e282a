/**
 * The SCIM 2.0 door ({@code /scim/v2}, RFC 7643 and 7644): users with the enterprise extension, discovery, and the
 * SCIM error format, for Okta, Entra ID and any SCIM client registered in Gatehouse. No rules here: provisioning and
 * the user directory decide.
 */
package io.gatehouse.scim;
