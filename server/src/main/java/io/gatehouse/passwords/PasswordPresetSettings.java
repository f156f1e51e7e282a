package io.gatehouse.passwords;

/**
 * Which preset applies at this moment. Implemented by the instance settings, which an administrator changes at
 * runtime, so that this module depends on no other feature.
 */
@FunctionalInterface
public interface PasswordPresetSettings {

	PasswordPreset passwordPreset();
}
