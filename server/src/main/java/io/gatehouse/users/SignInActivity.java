package io.gatehouse.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.gatehouse.jobs.OnceAcrossNodes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps the last sign-in time and the daily counts behind a user's Recent Activity. */
@Service
public class SignInActivity {

	private final UserStore users;

	private final SignInRollupStore rollups;

	private final TransactionTemplate ownTransaction;

	private final ActiveUserCache activeUsers;

	private final Clock clock;

	private final OnceAcrossNodes once;

	SignInActivity(UserStore users, ActiveUserCache activeUsers, SignInRollupStore rollups,
			PlatformTransactionManager transactions, Clock clock, OnceAcrossNodes once) {
		this.users = users;
		this.once = once;
		this.activeUsers = activeUsers;
		this.rollups = rollups;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Counts a successful sign-in, under a savepoint of the sign-in's transaction (or in a transaction of its own
	 * when there is none): two first sign-ins of a day racing to insert the day's row collide on the key, and that must
	 * neither fail the sign-in nor lose the count, so the loser rolls back to the savepoint, tries once more and
	 * then finds the row.
	 */
	public void record(UUID userId, Instant at) {
		try {
			ownTransaction.executeWithoutResult(status -> write(userId, at));
		}
		catch (DuplicateKeyException ex) {
			ownTransaction.executeWithoutResult(status -> write(userId, at));
		}
	}

	@Scheduled(cron = "0 17 3 * * *", zone = "UTC")
	void forgetOldDays() {
		// every node fires at the same minute: the lease lets one of them do it
		once.run("users.old-sign-in-days", Duration.ofHours(1),
				() -> rollups.deleteBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(366)));
	}

	private void write(UUID userId, Instant at) {
		users.recordLastLogin(userId, at);
		// the last sign-in is part of the cached account, and no event says it moved
		activeUsers.announce(userId);
		rollups.count(userId, at);
	}
}
