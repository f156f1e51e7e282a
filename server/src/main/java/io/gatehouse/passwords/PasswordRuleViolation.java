package io.gatehouse.passwords;

/**
 * One password rule that a candidate password breaks.
 *
 * @param rule stable machine code: {@code length}, {@code uppercase}, {@code lowercase}, {@code digit},
 * {@code special}, {@code common}, {@code contains-username}, {@code contains-email} or {@code characters}
 * @param message a sentence for people, to be read after "The password …", e.g. "must contain a digit"
 */
public record PasswordRuleViolation(String rule, String message) {
}
