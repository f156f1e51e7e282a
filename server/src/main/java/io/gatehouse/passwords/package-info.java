/**
 * Owns the password rules (the {@code complexity} and {@code nist} presets), Argon2id password hashing and the
 * generation of temporary passwords.
 */
package io.gatehouse.passwords;
