package io.gatehouse.mfa;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who must have a second factor, and which step of enrolling needs what of the stored authenticator. */
class EnrolmentRuleTests {

	private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

	@ParameterizedTest(name = "{0}, System Administrator {1}: required {2}")
	@CsvSource({
			"NONE,                  false, false",
			"NONE,                  true,  false",
			"EVERYONE,              false, true",
			"EVERYONE,              true,  true",
			"SYSTEM_ADMINISTRATORS, false, false",
			"SYSTEM_ADMINISTRATORS, true,  true" })
	void whoMustHaveASecondFactor(MfaRequirement requirement, boolean systemAdministrator, boolean required) {
		assertThat(EnrolmentRule.required(requirement, () -> systemAdministrator)).isEqualTo(required);
	}

	@ParameterizedTest(name = "{0} with {1}: {2}")
	@CsvSource({
			// step,   stored authenticator, refusal (none: goes ahead)
			"start,    none,        ",
			// an enrolment never confirmed is replaced by the new one
			"start,    unconfirmed, ",
			// a confirmed one would be replaced silently: removed first, with proof
			"start,    confirmed,   mfa-already-enrolled",
			"confirm,  none,        mfa-enrolment-not-started",
			"confirm,  unconfirmed, ",
			"confirm,  confirmed,   mfa-enrolment-not-started",
			// new recovery codes and removal are proven with the factor
			"prove,    none,        mfa-not-enrolled",
			"prove,    unconfirmed, mfa-not-enrolled",
			"prove,    confirmed,   " })
	void eachStepOfEnrolling(String step, String stored, String refusal) {
		Optional<MfaStore.StoredTotp> totp = switch (stored) {
			case "none" -> Optional.empty();
			case "unconfirmed" -> Optional.of(new MfaStore.StoredTotp(UUID.randomUUID(), "secret", AT, null, null));
			default -> Optional.of(new MfaStore.StoredTotp(UUID.randomUUID(), "secret", AT, AT, 1L));
		};
		boolean confirmed = totp.filter(found -> found.confirmedAt() != null).isPresent();
		Runnable check = switch (step) {
			case "start" -> () -> EnrolmentRule.checkStart(confirmed);
			case "confirm" -> () -> EnrolmentRule.started(totp);
			default -> () -> EnrolmentRule.checkEnrolled(confirmed);
		};
		if (refusal == null) {
			assertThatCode(check::run).doesNotThrowAnyException();
			return;
		}
		assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex).extracting(DomainException::code, DomainException::kind)
					.containsExactly(refusal, DomainException.Kind.CONFLICT));
	}
}
