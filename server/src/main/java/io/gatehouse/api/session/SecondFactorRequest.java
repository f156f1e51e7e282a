package io.gatehouse.api.session;

/** The challenge of the password step, and either {@code code} (TOTP) or {@code recoveryCode}. */
record SecondFactorRequest(String challenge, String code, String recoveryCode) {
}
