package io.gatehouse.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;
import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.Reverification;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A user's own second factor (enrol, confirm, recovery codes, remove) and an administrator's reset of anyone's. */
@Service
@Transactional
public class MfaManagement {

	private final AccessControl access;

	private final UserDirectory users;

	private final MfaStore store;

	private final SecretCipher cipher;

	private final SecondFactors factors;

	private final MfaSettings settings;

	private final Reverification reverification;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MfaManagement(AccessControl access, UserDirectory users, MfaStore store, SecretCipher cipher,
			SecondFactors factors, MfaSettings settings, Reverification reverification, TransactionTemplate transaction,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.users = users;
		this.store = store;
		this.cipher = cipher;
		this.factors = factors;
		this.settings = settings;
		this.reverification = reverification;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public MfaStatus status(Actor actor) {
		return statusOfUser(actor.userId());
	}

	@Transactional(readOnly = true)
	public MfaStatus statusOf(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_READ);
		users.get(actor, userId);
		return statusOfUser(userId);
	}

	/** A new secret for the user's authenticator app; it counts only once a code from it is confirmed. */
	public TotpEnrolment startTotp(Actor actor) {
		access.requireUnscopedCredential(actor);
		User user = users.me(actor);
		EnrolmentRule.checkStart(store.hasConfirmed(user.id()));
		String secret = TotpCodes.newSecret();
		QrData data = new QrData.Builder().label(user.username())
			.secret(secret)
			.issuer(settings.issuer())
			.algorithm(HashingAlgorithm.SHA1)
			.digits(TotpCodes.DIGITS)
			.period(TotpCodes.PERIOD_SECONDS)
			.build();
		// drawn before the write, so the row is locked only for the end of the transaction
		TotpEnrolment enrolment = new TotpEnrolment(secret, data.getUri(), qrCode(data));
		try {
			store.replaceUnconfirmed(user.id(), cipher.encrypt(secret), clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("mfa-enrolment-started",
					"Another enrolment was started at the same moment; start again.", null);
		}
		return enrolment;
	}

	/** Confirms the enrolment with a code from the app, and returns the recovery codes: the only time they show. */
	public List<String> confirmTotp(Actor actor, String code) {
		access.requireUnscopedCredential(actor);
		UUID userId = actor.userId();
		MfaStore.StoredTotp totp = EnrolmentRule.started(store.totp(userId));
		Instant now = clock.instant();
		OptionalLong step = TotpCodes.matchingStep(cipher.decrypt(totp.secretCiphertext()), code, now);
		if (step.isEmpty()) {
			throw wrongCode();
		}
		if (!store.confirm(userId, now, step.getAsLong())) {
			throw DomainException.conflict("mfa-already-enrolled", "This enrolment was already confirmed.", null);
		}
		List<String> codes = newRecoveryCodes(userId, now);
		events.publishEvent(new MfaEnrolled(actor, userId));
		return codes;
	}

	/**
	 * New recovery codes for old ones, proven with a current code or one of the recovery codes (which is used up);
	 * the proof is checked under the sign-in throttle, outside any transaction (see {@link Reverification}).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public List<String> regenerateRecoveryCodes(Actor actor, String code, String recoveryCode) {
		access.requireUnscopedCredential(actor);
		requireProof(actor, code, recoveryCode);
		return transaction.execute(status -> {
			List<String> codes = newRecoveryCodes(actor.userId(), clock.instant());
			events.publishEvent(new RecoveryCodesRegenerated(actor, actor.userId()));
			return codes;
		});
	}

	/**
	 * The user removes their own second factor, proven with a current code or a recovery code under the throttle,
	 * as for {@link #regenerateRecoveryCodes}.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void removeOwn(Actor actor, String code, String recoveryCode) {
		access.requireUnscopedCredential(actor);
		requireProof(actor, code, recoveryCode);
		transaction.executeWithoutResult(status -> {
			store.deleteTotp(actor.userId());
			store.deleteRecoveryCodes(actor.userId());
			events.publishEvent(new MfaRemoved(actor, actor.userId()));
		});
	}

	/** An administrator's reset, for a lost phone: the user signs in with the password alone, then enrols again. */
	public void reset(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.get(Actor.system(), userId);
		access.requireAuthorityOver(actor, userId);
		int removed = store.deleteTotp(userId);
		store.deleteRecoveryCodes(userId);
		if (removed > 0) {
			events.publishEvent(new MfaReset(actor, userId));
		}
	}

	private void requireProof(Actor actor, String code, String recoveryCode) {
		EnrolmentRule.checkEnrolled(store.hasConfirmed(actor.userId()));
		boolean byRecoveryCode = recoveryCode != null && !recoveryCode.isBlank();
		boolean proven = reverification.check(actor,
				() -> byRecoveryCode ? transaction.execute(status -> factors.useRecoveryCode(actor, actor.userId(),
						recoveryCode)) : factors.verifyTotp(actor.userId(), code));
		if (!proven) {
			throw byRecoveryCode ? DomainException.invalidField("recoveryCode", "recovery-code",
					"is not one of your unused recovery codes") : wrongCode();
		}
	}

	private List<String> newRecoveryCodes(UUID userId, Instant now) {
		List<String> codes = RecoveryCodes.generate();
		store.replaceRecoveryCodes(userId, codes.stream().map(RecoveryCodes::hash).toList(), now);
		return codes;
	}

	private MfaStatus statusOfUser(UUID userId) {
		var totp = store.totp(userId).filter(stored -> stored.confirmedAt() != null);
		return new MfaStatus(totp.isPresent(), totp.map(MfaStore.StoredTotp::confirmedAt).orElse(null),
				totp.isPresent() ? store.unusedRecoveryCodes(userId) : 0, factors.required(userId));
	}

	private static DomainException wrongCode() {
		return DomainException.invalidField("code", "totp", "is not the current code of your authenticator");
	}

	private static String qrCode(QrData data) {
		ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
		try {
			return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Cannot draw the enrolment QR code", ex);
		}
	}

	/** A deleted user's second factor is a credential like their password: it goes with the account. */
	@EventListener
	void forgetDeleted(UserDeleted deleted) {
		store.deleteTotp(deleted.userId());
		store.deleteRecoveryCodes(deleted.userId());
	}
}
