package io.gatehouse.access;

/**
 * The authorization mode in force at this moment. Implemented by the instance settings, which an administrator
 * changes at runtime, so that access depends on no other feature.
 */
@FunctionalInterface
public interface AuthorizationModeSettings {

	AuthorizationMode authorizationMode();
}
