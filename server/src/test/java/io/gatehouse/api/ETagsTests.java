package io.gatehouse.api;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTests {

	@Test
	void readsStrongWeakAndBareVersions() {
		assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
		assertThat(ETags.expectedVersion("W/\"3\"")).isEqualTo(3L);
		assertThat(ETags.expectedVersion("3")).isEqualTo(3L);
		assertThat(ETags.of(3)).isEqualTo("\"3\"");
	}

	@Test
	void treatsAbsentAndWildcardAsNoCondition() {
		assertThat(ETags.expectedVersion(null)).isNull();
		assertThat(ETags.expectedVersion("*")).isNull();
	}

	@Test
	void refusesAnEntityTagThatIsNoVersion() {
		assertThatThrownBy(() -> ETags.expectedVersion("\"abc\""))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.kind()).isEqualTo(DomainException.Kind.PRECONDITION_FAILED));
	}
}
