package io.gatehouse.api.session;

import java.time.Instant;
import java.util.List;

/**
 * The password was right; the sign-in continues at {@code POST /api/v1/session/second-factor} with this challenge.
 *
 * @param step always {@code second-factor}
 * @param methods what may answer it: {@code totp} (a code) or {@code recovery-code}
 */
record SecondFactorJson(String step, String challenge, Instant expiresAt, List<String> methods) {
}
