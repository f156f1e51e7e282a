/**
 * Owns the password rules (the COMPLEXITY and NIST presets), Argon2id password hashing and the generation of temporary passwords.
 */
package io.gatehouse.passwords;
