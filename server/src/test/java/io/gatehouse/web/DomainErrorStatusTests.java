package io.gatehouse.web;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class DomainErrorStatusTests {

	/** A kind added without a status would answer a refusal with no status at all, in both doors. */
	@ParameterizedTest
	@EnumSource(DomainException.Kind.class)
	void everyKindIsAClientError(DomainException.Kind kind) {
		assertThat(DomainErrorStatus.of(kind)).isNotNull();
		assertThat(DomainErrorStatus.of(kind).is4xxClientError()).isTrue();
	}

	@Test
	void aStaleVersionIsAFailedPrecondition() {
		assertThat(DomainErrorStatus.of(DomainException.Kind.PRECONDITION_FAILED))
			.isEqualTo(HttpStatus.PRECONDITION_FAILED);
	}
}
