package io.gatehouse.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection, per account and per client address (see {@link SignInThrottle}).
 *
 * @param account limits per account (or per unknown login, so that both look the same)
 * @param address limits per client address, higher because many people may share one (NAT, proxies)
 */
@ConfigurationProperties("gatehouse.sign-in.throttle")
public record ThrottleSettings(Limits account, Limits address) {

	public ThrottleSettings {
		account = account == null ? new Limits(3, null, null, 10, null, null) : account;
		address = address == null ? new Limits(20, null, null, 100, null, null) : address;
	}

	/**
	 * @param freeAttempts failures allowed without any delay
	 * @param firstDelay the wait after the first failure beyond the free ones; it doubles with each further one
	 * @param maxDelay the longest wait between two attempts
	 * @param lockAfter after this many failures, a temporary lock
	 * @param lockDuration how long a lock lasts; it ends by itself (an administrator can end it sooner)
	 * @param forgetAfter failures older than this (with no attempt since) are forgotten
	 */
	public record Limits(int freeAttempts, Duration firstDelay, Duration maxDelay, int lockAfter,
			Duration lockDuration, Duration forgetAfter) {

		public Limits {
			freeAttempts = Math.max(freeAttempts, 1);
			firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
			maxDelay = maxDelay == null ? Duration.ofMinutes(1) : maxDelay;
			lockAfter = lockAfter <= 0 ? 10 : Math.max(lockAfter, freeAttempts);
			lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
			forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
		}

		/** The wait imposed after the n-th failure: none within the free attempts, then doubling up to the cap. */
		Duration delayAfter(int failures) {
			if (failures < freeAttempts) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - freeAttempts, 30);
			Duration delay = firstDelay.multipliedBy(1L << doublings);
			return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
		}
	}
}
