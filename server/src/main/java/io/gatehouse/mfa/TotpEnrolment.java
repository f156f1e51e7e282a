package io.gatehouse.mfa;

/**
 * A started TOTP enrolment: what the user's authenticator app needs, as text and as a QR code. Shown to the user only.
 *
 * @param otpauthUri the {@code otpauth://totp/...} URI the QR code holds
 * @param qrCode a {@code data:image/png;base64,...} URI of the QR code
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrCode) {
}
