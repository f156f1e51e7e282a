package io.gatehouse.passwords;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gatehouse.passwords.preset} as the application binds it: a configuration written before the COMPLEXITY
 * preset was renamed from {@code seed} still starts, with a warning that says what to write instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordPresetConfigurationTests {

	private static final String DEPRECATED = "gatehouse.passwords.preset=seed is deprecated";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Binding.class);

	@Test
	void theFormerValueSeedIsReadAsComplexityWithOneWarning(CapturedOutput output) {
		this.context.withPropertyValues("gatehouse.passwords.preset=seed").run((started) -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(PasswordSettings.class).preset()).isEqualTo(PasswordPreset.COMPLEXITY);
		});
		assertThat(output.getAll().split(DEPRECATED, -1)).as("one warning").hasSize(2);
		assertThat(output).contains("WARN").contains("set gatehouse.passwords.preset=complexity");
	}

	@Test
	void theCurrentValuesBindWithoutWarning(CapturedOutput output) {
		this.context.withPropertyValues("gatehouse.passwords.preset=complexity").run((started) -> assertThat(
				started.getBean(PasswordSettings.class).preset()).isEqualTo(PasswordPreset.COMPLEXITY));
		this.context.withPropertyValues("gatehouse.passwords.preset=NIST").run((started) -> assertThat(
				started.getBean(PasswordSettings.class).preset()).isEqualTo(PasswordPreset.NIST));
		this.context.withPropertyValues("gatehouse.passwords.preset=").run((started) -> assertThat(
				started.getBean(PasswordSettings.class).preset()).isEqualTo(PasswordPreset.COMPLEXITY));
		assertThat(output).doesNotContain("deprecated");
	}

	@Test
	void anUnknownValueStopsTheStart() {
		this.context.withPropertyValues("gatehouse.passwords.preset=strong")
			.run((started) -> assertThat(started).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PasswordSettings.class)
	@Import(PasswordPresetConverter.class)
	static class Binding {

	}

}
