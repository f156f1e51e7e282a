package io.gatehouse.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.shared.NodeName;
import io.gatehouse.shared.Timestamps;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's promises against a real SMTP server: nothing for a rolled-back change, nothing lost between commit and
 * send, retries while the server is down.
 */
class OutboxIntegrationTests extends ApiIntegrationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	MailTemplates templates;

	@Autowired
	OutboxStore store;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	OutboxWorker worker;

	@Autowired
	MailDelivery delivery;

	@Autowired
	JdbcTemplate batches;

	@Autowired
	Clock clock;

	@Autowired
	NodeName nodeName;

	@Test
	void aMailOfAChangeThatRollsBackIsNeverWrittenNorSent() {
		String to = unique("rolled") + "@example.com";
		transaction.executeWithoutResult(status -> {
			outbox.enqueue(notice(to));
			status.setRollbackOnly();
		});
		assertThat(rows(to)).isZero();
		assertThat(TestMailServer.afterAWhile(to)).isEmpty();
	}

	@Test
	void aCommittedMailIsSentOnceAndItsBodyIsNotKept() {
		String to = unique("once") + "@example.com";
		transaction.executeWithoutResult(status -> outbox.enqueue(notice(to)));
		assertThat(TestMailServer.await(to, "your password was changed").text()).contains("by you");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(to)).isEqualTo("SENT"));
		assertThat(TestMailServer.afterAWhile(to)).hasSize(1);
		assertThat(jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient_normalized = ?").param(to)
			.query(String.class).optional()).isEmpty();
	}

	@Test
	void aMailCommittedWhileNoWorkerRunsIsSentWhenTheNodeStartsAgain() throws InterruptedException {
		String to = unique("restart") + "@example.com";
		// the node dies after the commit, before the send: no worker is left to deliver
		worker.stop();
		try {
			transaction.executeWithoutResult(status -> outbox.enqueue(notice(to)));
			assertThat(TestMailServer.afterAWhile(to)).isEmpty();
			assertThat(status(to)).isEqualTo("PENDING");
		}
		finally {
			// the node starts again, as on ApplicationReadyEvent
			worker.start();
		}
		TestMailServer.await(to, "your password was changed");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(to)).isEqualTo("SENT"));
	}

	@Test
	void aMailCommittedButNotSentBeforeACrashIsSentByTheNextPoll() {
		// as a node leaves the outbox when it dies after the commit: one mail never tried, one claimed and abandoned
		String pending = unique("crash") + "@example.com";
		String abandoned = unique("lease") + "@example.com";
		Instant now = Instant.now();
		store.insert(UUID.randomUUID(), templates.render(notice(pending)), now);
		UUID claimed = UUID.randomUUID();
		store.insert(claimed, templates.render(notice(abandoned)), now);
		jdbc.sql("UPDATE mail_outbox SET status = 'SENDING', lease_until = ? WHERE id = ?")
			.params(Timestamps.of(now.minusSeconds(1)), claimed).update();

		TestMailServer.await(pending, "your password was changed");
		TestMailServer.await(abandoned, "your password was changed");
	}

	@Test
	void aNodeKilledWhileHoldingClaimsGivesThemBackWhenItStartsAgain() throws InterruptedException {
		// as the table is after a kill -9 of this node: two mails claimed by it, their leases far ahead
		String mine = unique("killed") + "@example.com";
		String othersClaim = unique("alive") + "@example.com";
		worker.stop();
		try {
			Instant now = Instant.now();
			for (String to : List.of(mine, othersClaim)) {
				UUID id = UUID.randomUUID();
				store.insert(id, templates.render(notice(to)), now);
				jdbc.sql("UPDATE mail_outbox SET status = 'SENDING', lease_until = ?, claimed_by = ? WHERE id = ?")
					.params(Timestamps.of(now.plusSeconds(3600)), to.equals(mine) ? nodeName.value() : "another-node",
							id)
					.update();
			}
		}
		finally {
			// the node starts again under its name
			worker.start();
		}
		// at its first poll, not after the hour of the lease
		TestMailServer.await(mine, "your password was changed");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(mine)).isEqualTo("SENT"));
		// another node's claim is that node's until its lease runs out
		assertThat(TestMailServer.afterAWhile(othersClaim)).isEmpty();
		assertThat(status(othersClaim)).isEqualTo("SENDING");
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient_normalized = ?").param(othersClaim).update();
	}

	@Test
	void aMailAPollClaimedIsNotClaimedAgainByTheNodeThatCommittedIt() {
		// the committing node hands its mail to its worker in memory; a poll of another node may have got there first
		String to = unique("race") + "@example.com";
		UUID id = UUID.randomUUID();
		// an hour ahead, so that this node's own poll leaves the row to the test
		Instant later = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		RenderedMail mail = templates.render(notice(to));
		store.insert(id, mail, later);
		assertThat(store.claim(List.of(id), later, later.plusSeconds(300), "poll-node")).hasSize(1);

		assertThat(store.claimFresh(List.of(new OutboxStore.Committed(id, mail)), later.plusSeconds(300), nodeName.value())).isEmpty();
		assertThat(status(to)).isEqualTo("SENDING");
	}

	@Test
	void aMailIsRetriedWithBackoffWhileTheSmtpServerIsDownAndSentWhenItIsBack() {
		String to = unique("retry") + "@example.com";
		TestMailServer.stop();
		try {
			transaction.executeWithoutResult(status -> outbox.enqueue(notice(to)));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
					jdbc.sql("SELECT attempts FROM mail_outbox WHERE recipient_normalized = ?").param(to)
						.query(Integer.class).single()).isGreaterThanOrEqualTo(2));
			Map<String, Object> row = jdbc.sql("""
					SELECT status, last_error, next_attempt_at FROM mail_outbox WHERE recipient_normalized = ?""")
				.param(to).query().singleRow();
			assertThat(row.get("status")).isIn("PENDING", "SENDING");
			assertThat((String) row.get("last_error")).isNotBlank();
		}
		finally {
			TestMailServer.start();
		}
		assertThat(TestMailServer.await(to, "your password was changed").text()).contains("by you");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(to)).isEqualTo("SENT"));
	}

	@Test
	void aDeliveredMailWhoseMarkingFailsOnceIsNotSentAgain() throws InterruptedException {
		// the database is away for a moment right after the delivery, as when PostgreSQL restarts
		AtomicInteger failures = new AtomicInteger(1);
		OutboxStore failingOnce = new OutboxStore(jdbc, batches) {
			@Override
			void finish(Claimed claimed, Status status, Instant now) {
				if (failures.getAndDecrement() > 0) {
					throw new DataAccessResourceFailureException("the database restarts");
				}
				super.finish(claimed, status, now);
			}
		};
		// a short lease, so that a mail left claimed would be sent again (by this context's worker) within the test
		OutboxWorker node = new OutboxWorker(failingOnce, delivery, settings(Duration.ofMillis(500)), clock,
				new io.gatehouse.database.DatabaseProbe(null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)),
				new NodeName("test-node-" + UUID.randomUUID()));
		String to = unique("marked") + "@example.com";
		UUID id = UUID.randomUUID();
		RenderedMail mail = templates.render(notice(to));
		// an hour ahead, so that no poll takes the row: only the hand-over to this node
		store.insert(id, mail, Instant.now().plusSeconds(3600));
		node.start();
		try {
			node.handOver(id, mail);
			TestMailServer.await(to, "your password was changed");
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(to)).isEqualTo("SENT"));
			assertThat(failures.get()).isNegative();
			assertThat(TestMailServer.afterAWhile(to)).hasSize(1);
		}
		finally {
			node.stop();
		}
	}

	@Test
	void aDeliveredMailWhoseMarkingFailsLongerThanTheRetriesIsMarkedLaterAndNotSentAgain() throws InterruptedException {
		// the database away (or the pool exhausted) for longer than the marking's retries, and than the lease
		AtomicInteger failures = new AtomicInteger(6);
		OutboxStore failingLong = new OutboxStore(jdbc, batches) {
			@Override
			void finish(Claimed claimed, Status status, Instant now) {
				if (failures.getAndDecrement() > 0) {
					throw new DataAccessResourceFailureException("the pool is exhausted");
				}
				super.finish(claimed, status, now);
			}
		};
		// a lease far shorter than the retries: without the heartbeat's marking the mail would be claimed again
		OutboxWorker node = new OutboxWorker(failingLong, delivery, settings(Duration.ofMillis(500)), clock,
				new io.gatehouse.database.DatabaseProbe(null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)),
				new NodeName("test-node-" + UUID.randomUUID()));
		String to = unique("unmarked") + "@example.com";
		UUID id = UUID.randomUUID();
		RenderedMail mail = templates.render(notice(to));
		store.insert(id, mail, Instant.now().plusSeconds(3600));
		node.start();
		try {
			node.handOver(id, mail);
			TestMailServer.await(to, "your password was changed");
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(status(to)).isEqualTo("SENT"));
			assertThat(failures.get()).isNegative();
			assertThat(TestMailServer.afterAWhile(to)).hasSize(1);
		}
		finally {
			node.stop();
		}
	}

	@Test
	void aNodeThatStopsGivesBackTheMailsItClaimedAndHasNotSent() throws InterruptedException {
		// this context's worker plays the other node; it is started again once the stopping node has let go
		worker.stop();
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch goOn = new CountDownLatch(1);
		MailDelivery slow = new MailDelivery() {
			@Override
			public void deliver(RenderedMail mail) throws Exception {
				sending.countDown();
				goOn.await(10, TimeUnit.SECONDS);
				delivery.deliver(mail);
			}

			@Override
			public boolean sends() {
				return true;
			}
		};
		OutboxWorker stopping = new OutboxWorker(store, slow, settings(Duration.ofMinutes(5)), clock,
				new io.gatehouse.database.DatabaseProbe(null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)),
				new NodeName("test-node-" + UUID.randomUUID()));
		List<String> recipients = List.of(unique("first") + "@example.com", unique("second") + "@example.com",
				unique("third") + "@example.com");
		try {
			for (String to : recipients) {
				store.insert(UUID.randomUUID(), templates.render(notice(to)), Instant.now().minusSeconds(1));
			}
			// its first poll claims the three in one batch
			stopping.start();
			assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(
					() -> assertThat(recipients.stream().map(this::status)).containsOnly("SENDING"));
			// the mail being sent finishes; the two not yet sent are given back
			new Thread(() -> {
				pause(300);
				goOn.countDown();
			}).start();
			stopping.stop();
			// one sent at most (the poll may have begun with a mail of another test), none left claimed
			List<String> statuses = recipients.stream().map(this::status).toList();
			assertThat(statuses).doesNotContain("SENDING");
			assertThat(statuses.stream().filter("PENDING"::equals)).hasSizeGreaterThanOrEqualTo(2);
		}
		finally {
			goOn.countDown();
			stopping.stop();
			worker.start();
		}
		// at once, not after the five minutes of the lease
		for (String to : recipients) {
			TestMailServer.await(to, "your password was changed");
		}
		for (String to : recipients) {
			assertThat(TestMailServer.to(to)).hasSize(1);
		}
	}

	private MailSettings settings(Duration lease) {
		return new MailSettings(null, null, null, null, null, null, null, null, Duration.ofMillis(300), 8,
				Duration.ofMillis(500), lease);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static OutgoingMail notice(String to) {
		return new OutgoingMail(to, MailTemplate.PASSWORD_CHANGED, Map.of("username", "someone", "how", "by you"));
	}

	private long rows(String to) {
		return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_normalized = ?").param(to).query(Long.class)
			.single();
	}

	private String status(String to) {
		return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient_normalized = ?").param(to).query(String.class)
			.single();
	}
}
