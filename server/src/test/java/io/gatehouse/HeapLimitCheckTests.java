package io.gatehouse;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapLimitCheckTests {

	@Test
	void aHeapCapInAnyOfItsSpellingsCountsAsALimit() {
		assertThat(HeapLimitCheck.limited(List.of("-XX:+UseG1GC", "-Xmx256m"))).isTrue();
		assertThat(HeapLimitCheck.limited(List.of("-XX:MaxRAMPercentage=50"))).isTrue();
		assertThat(HeapLimitCheck.limited(List.of("-XX:MaxHeapSize=268435456"))).isTrue();
	}

	@Test
	void otherOptionsOrNoneAreNoLimit() {
		assertThat(HeapLimitCheck.limited(List.of())).isFalse();
		assertThat(HeapLimitCheck.limited(List.of("-Xms64m", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true"))).isFalse();
	}
}
