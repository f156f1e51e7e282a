package io.gatehouse.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.mfa.MfaRequirement;
import io.gatehouse.passwords.PasswordPreset;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.AccountSettings.DeletePolicy;
import io.gatehouse.users.SignInMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingCodesTests {

	private static final RetentionPeriods RETENTION = new RetentionPeriods(Duration.ofDays(30), Duration.ofDays(365),
			Duration.ofDays(30), null);

	private static final InstanceSettings DEFAULTS = new InstanceSettings(PasswordPreset.COMPLEXITY,
			DeletePolicy.ALLOWED, true, null, SignInMode.LOCAL, AuthorizationMode.LOCAL, MfaRequirement.NONE,
			Duration.ofMinutes(30), Duration.ofHours(12), RETENTION);

	@Test
	void noCodeMeansTheDefaults() {
		List<FieldViolation> violations = new ArrayList<>();
		assertThat(SettingCodes.parse(Map.of(), DEFAULTS, violations)).isEqualTo(DEFAULTS);
		assertThat(violations).isEmpty();
	}

	@Test
	void codesRoundTrip() {
		UUID role = UUID.randomUUID();
		InstanceSettings changed = new InstanceSettings(PasswordPreset.NIST, DeletePolicy.DEACTIVATE_ONLY, false, role,
				SignInMode.EXTERNAL, AuthorizationMode.EXTERNAL, MfaRequirement.SYSTEM_ADMINISTRATORS,
				Duration.ofMinutes(5), Duration.ofDays(1),
				new RetentionPeriods(Duration.ofDays(7), Duration.ofDays(400), Duration.ofDays(2), Duration.ofDays(730)));
		Map<String, String> codes = SettingCodes.codes(changed);
		assertThat(codes).containsEntry("deletePolicy", "deactivate-only")
			.containsEntry("mfaRequired", "system-administrators").containsEntry("sessionIdleTimeout", "PT5M");
		List<FieldViolation> violations = new ArrayList<>();
		assertThat(SettingCodes.parse(codes, DEFAULTS, violations)).isEqualTo(changed);
		assertThat(violations).isEmpty();
	}

	@Test
	void theFormerPresetCodeSeedIsReadAsComplexityAndNeverOffered() {
		InstanceSettings nistByDefault = new InstanceSettings(PasswordPreset.NIST, DeletePolicy.ALLOWED, true, null,
				SignInMode.LOCAL, AuthorizationMode.LOCAL, MfaRequirement.NONE, Duration.ofMinutes(30),
				Duration.ofHours(12), RETENTION);
		List<FieldViolation> violations = new ArrayList<>();
		InstanceSettings parsed = SettingCodes.parse(Map.of("passwordPreset", " SEED "), nistByDefault, violations);
		assertThat(violations).isEmpty();
		assertThat(parsed.passwordPreset()).isEqualTo(PasswordPreset.COMPLEXITY);
		assertThat(SettingCodes.codes(parsed)).containsEntry("passwordPreset", "complexity");
		assertThat(SettingCodes.choices(PasswordPreset.class)).containsExactly("complexity", "nist");
	}

	@Test
	void durationsAreReadAsPeopleWriteThem() {
		List<FieldViolation> violations = new ArrayList<>();
		InstanceSettings parsed = SettingCodes.parse(Map.of("sessionIdleTimeout", "45m", "sessionAbsoluteTimeout", "2d"),
				DEFAULTS, violations);
		assertThat(parsed.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(45));
		assertThat(parsed.sessionAbsoluteTimeout()).isEqualTo(Duration.ofDays(2));
		assertThat(SettingCodes.readable(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(SettingCodes.readable(Duration.ofHours(12))).isEqualTo("12h");
		assertThat(violations).isEmpty();
	}

	@Test
	void eachBadValueIsNamedWithItsRule() {
		List<FieldViolation> violations = new ArrayList<>();
		SettingCodes.parse(Map.of("passwordPreset", "strong", "requireRoleOnCreate", "yes", "defaultRole", "Viewer",
				"sessionIdleTimeout", "30s", "sessionAbsoluteTimeout", "soon"), DEFAULTS, violations);
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::rule).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("passwordPreset", "one-of"),
				org.assertj.core.groups.Tuple.tuple("requireRoleOnCreate", "type"),
				org.assertj.core.groups.Tuple.tuple("defaultRole", "type"),
				org.assertj.core.groups.Tuple.tuple("sessionIdleTimeout", "range"),
				org.assertj.core.groups.Tuple.tuple("sessionAbsoluteTimeout", "type"));
	}

	@Test
	void theIdleTimeoutCannotOutlastTheAbsoluteOne() {
		List<FieldViolation> violations = new ArrayList<>();
		SettingCodes.parse(Map.of("sessionIdleTimeout", "2h", "sessionAbsoluteTimeout", "1h"), DEFAULTS, violations);
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sessionIdleTimeout", "not-above-absolute"));
	}
}
