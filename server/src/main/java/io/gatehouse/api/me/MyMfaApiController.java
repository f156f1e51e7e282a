package io.gatehouse.api.me;

import java.util.List;

import io.gatehouse.mfa.MfaManagement;
import io.gatehouse.mfa.MfaStatus;
import io.gatehouse.mfa.TotpEnrolment;
import io.gatehouse.shared.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's second factor: enrol a TOTP authenticator, recovery codes, remove it. */
@RestController
@RequestMapping("/api/v1/me/mfa")
class MyMfaApiController {

	/** A current code of the user's authenticator. */
	record CodeRequest(String code) {
	}

	/** Proof that it is the user: a current code of their authenticator, or one of their recovery codes. */
	record ProofRequest(String code, String recoveryCode) {
	}

	/** Recovery codes: shown in this response and never again. */
	record RecoveryCodesJson(List<String> recoveryCodes) {
	}

	private final MfaManagement mfa;

	MyMfaApiController(MfaManagement mfa) {
		this.mfa = mfa;
	}

	@GetMapping
	MfaStatus status(Actor actor) {
		return mfa.status(actor);
	}

	@PostMapping("/totp")
	ResponseEntity<TotpEnrolment> startTotp(Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(mfa.startTotp(actor));
	}

	@PostMapping("/totp/confirm")
	ResponseEntity<RecoveryCodesJson> confirmTotp(Actor actor, @RequestBody CodeRequest body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RecoveryCodesJson(mfa.confirmTotp(actor, body.code())));
	}

	@PostMapping("/recovery-codes")
	ResponseEntity<RecoveryCodesJson> regenerate(Actor actor, @RequestBody ProofRequest body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RecoveryCodesJson(mfa.regenerateRecoveryCodes(actor, body.code(), body.recoveryCode())));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(Actor actor, @RequestBody ProofRequest body) {
		mfa.removeOwn(actor, body.code(), body.recoveryCode());
	}
}
