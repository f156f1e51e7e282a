package io.gatehouse.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
	void aMailAPollClaimedIsNotClaimedAgainByTheNodeThatCommittedIt() {
		// the committing node hands its mail to its worker in memory; a poll of another node may have got there first
		String to = unique("race") + "@example.com";
		UUID id = UUID.randomUUID();
		// an hour ahead, so that this node's own poll leaves the row to the test
		Instant later = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		RenderedMail mail = templates.render(notice(to));
		store.insert(id, mail, later);
		assertThat(store.claim(List.of(id), later, later.plusSeconds(300))).hasSize(1);

		assertThat(store.claimFresh(List.of(new OutboxStore.Committed(id, mail)), later.plusSeconds(300))).isEmpty();
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
