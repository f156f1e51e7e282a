package io.gatehouse.mfa;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** What sign-in asks of the MFA module: does this user have or need a second factor, and is this one right. */
@Service
public class SecondFactors {

	private final MfaStore store;

	private final SecretCipher cipher;

	private final MfaRequirementSettings requirement;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SecondFactors(MfaStore store, SecretCipher cipher, MfaRequirementSettings requirement, AccessPolicy policy,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.cipher = cipher;
		this.requirement = requirement;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	public boolean isEnrolled(UUID userId) {
		return store.hasConfirmed(userId);
	}

	/** Whether the instance's setting requires this user to have a second factor. */
	public boolean required(UUID userId) {
		return EnrolmentRule.required(requirement.mfaRequirement(), () -> policy.isSystemAdministrator(userId));
	}

	/** A code of the user's confirmed authenticator, not used before: each time step's code works once. */
	public boolean verifyTotp(UUID userId, String code) {
		var totp = store.totp(userId).filter(stored -> stored.confirmedAt() != null);
		if (totp.isEmpty()) {
			return false;
		}
		OptionalLong step = TotpCodes.matchingStep(cipher.decrypt(totp.get().secretCiphertext()), code, clock.instant());
		return step.isPresent() && store.useStep(userId, step.getAsLong());
	}

	/** Uses up one of the user's recovery codes; false if it is not theirs or was used already. */
	public boolean useRecoveryCode(Actor actor, UUID userId, String code) {
		if (code == null || code.isBlank() || code.length() > 64) {
			return false;
		}
		boolean used = store.useRecoveryCode(userId, RecoveryCodes.hash(code), clock.instant());
		if (used) {
			events.publishEvent(new RecoveryCodeUsed(actor, userId));
		}
		return used;
	}
}
