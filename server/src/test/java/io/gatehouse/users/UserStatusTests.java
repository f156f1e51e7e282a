package io.gatehouse.users;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A status as the doors receive it: its code in any case, anything else refused naming the field. */
class UserStatusTests {

	@Test
	void readsEveryCodeInAnyCase() {
		for (UserStatus status : UserStatus.values()) {
			assertThat(UserStatus.parse(status.code())).isEqualTo(status);
			assertThat(UserStatus.parse(status.name())).isEqualTo(status);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "enabled", "activ" })
	void refusesAnythingElse(String code) {
		assertThatThrownBy(() -> UserStatus.parse(code)).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(DomainException.Kind.INVALID);
			assertThat(ex.violations()).singleElement().satisfies(violation -> {
				assertThat(violation.field()).isEqualTo("status");
				assertThat(violation.rule()).isEqualTo("one-of");
			});
		});
	}
}
