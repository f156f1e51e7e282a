/**
 * Owns the password rules (the SEED and NIST presets), Argon2id password hashing and the generation of temporary passwords.
 */
package io.gatehouse.passwords;
