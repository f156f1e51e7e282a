package io.gatehouse.auth;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What operators watch of sign-in, from the events sign-in publishes: attempts by outcome
 * ({@code gatehouse_sign_ins_total{outcome}}, outcomes such as {@code accepted}, {@code wrong-password},
 * {@code throttled}), locks by what was locked ({@code gatehouse_sign_in_locks_total{target}}) and wrong second
 * factors ({@code gatehouse_mfa_failures_total}). Counted per node; a dashboard sums the nodes.
 */
@Component
class SignInMetrics {

	static final String WRONG_SECOND_FACTOR = "wrong-second-factor";

	private final MeterRegistry meters;

	private final Counter mfaFailures;

	SignInMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.mfaFailures = Counter.builder("gatehouse.mfa.failures")
			.description("Second-factor codes refused at sign-in")
			.register(meters);
		// shown at zero from the start, so a dashboard's rate has a series before the first lock
		for (String target : List.of("user", "login", "address")) {
			locks(target);
		}
	}

	@EventListener
	void on(SignInAttempted attempt) {
		Counter.builder("gatehouse.sign.ins")
			.description("Sign-in attempts by outcome")
			.tag("outcome", attempt.result())
			.register(meters)
			.increment();
		if (WRONG_SECOND_FACTOR.equals(attempt.result())) {
			mfaFailures.increment();
		}
	}

	@EventListener
	void on(SignInLocked locked) {
		locks(locked.targetType()).increment();
	}

	private Counter locks(String target) {
		return Counter.builder("gatehouse.sign.in.locks")
			.description("Accounts, unknown logins and client addresses locked after too many failed attempts")
			.tag("target", target)
			.register(meters);
	}
}
