package io.gatehouse.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTests {

	@Test
	void oneIsSingularEveryOtherCountPlural() {
		assertThat(Counts.of(1, "resource", "resources")).isEqualTo("1 resource");
		assertThat(Counts.of(0, "resource", "resources")).isEqualTo("0 resources");
		assertThat(Counts.of(2, "custom role", "custom roles")).isEqualTo("2 custom roles");
	}
}
