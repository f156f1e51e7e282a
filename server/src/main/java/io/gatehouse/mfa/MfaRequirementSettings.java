package io.gatehouse.mfa;

/**
 * Who must have a second factor at this moment. Implemented by the instance settings, which an administrator
 * changes at runtime.
 */
@FunctionalInterface
public interface MfaRequirementSettings {

	MfaRequirement mfaRequirement();
}
