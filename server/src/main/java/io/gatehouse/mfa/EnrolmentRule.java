package io.gatehouse.mfa;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.gatehouse.shared.DomainException;

/** Who must have a second factor, and what each step of its life needs of the authenticator the user has stored. */
final class EnrolmentRule {

	private EnrolmentRule() {
	}

	/** Asks whether the user is a System Administrator only when the answer matters. */
	static boolean required(MfaRequirement requirement, BooleanSupplier systemAdministrator) {
		return switch (requirement) {
			case NONE -> false;
			case EVERYONE -> true;
			case SYSTEM_ADMINISTRATORS -> systemAdministrator.getAsBoolean();
		};
	}

	/** A new enrolment replaces one never confirmed; a confirmed one would be replaced silently, so it goes first. */
	static void checkStart(boolean confirmed) {
		if (confirmed) {
			throw DomainException.conflict("mfa-already-enrolled",
					"An authenticator is already enrolled; remove it first to enrol another.", null);
		}
	}

	/** Confirming needs an enrolment started and not yet confirmed. */
	static MfaStore.StoredTotp started(Optional<MfaStore.StoredTotp> stored) {
		return stored.filter(totp -> totp.confirmedAt() == null)
			.orElseThrow(() -> DomainException.conflict("mfa-enrolment-not-started",
					"Start an enrolment with POST /api/v1/me/mfa/totp first.", null));
	}

	/** New recovery codes and removal are proven with the factor, so there must be one. */
	static void checkEnrolled(boolean confirmed) {
		if (!confirmed) {
			throw DomainException.conflict("mfa-not-enrolled", "No authenticator is enrolled.", null);
		}
	}
}
