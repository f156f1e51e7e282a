package io.gatehouse.mfa;

import java.time.Instant;

/**
 * @param totpEnrolled whether a confirmed authenticator is in place
 * @param required whether the instance's setting requires this user to have one
 */
public record MfaStatus(boolean totpEnrolled, Instant enrolledAt, int recoveryCodesLeft, boolean required) {
}
