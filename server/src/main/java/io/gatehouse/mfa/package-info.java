/**
 * Multi-factor authentication: TOTP (RFC 6238) authenticators with QR-code enrolment, single-use recovery codes,
 * and the setting that says who must have a second factor.
 */
package io.gatehouse.mfa;
