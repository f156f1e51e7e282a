package io.gatehouse.audit;

import java.util.List;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log's promise at the transaction's edges: a change's records commit with it and roll back with it, part
 * for part, though they are written in one batch at the commit.
 */
class AuditLogIntegrationTests extends ApiIntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	record Noted(String targetId) implements AuditedEvent {

		@Override
		public Actor actor() {
			return Actor.system();
		}

		@Override
		public String action() {
			return "test.noted";
		}

		@Override
		public String targetType() {
			return "test";
		}
	}

	@Test
	void theRecordsOfAPartThatRollsBackToItsSavepointGoWithItAndTheRestCommit() {
		String run = unique("part");
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate part = new TransactionTemplate(transactions);
		part.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

		outer.executeWithoutResult(status -> {
			events.publishEvent(new Noted(run + "-before"));
			assertThatThrownBy(() -> part.executeWithoutResult(inner -> {
				events.publishEvent(new Noted(run + "-failed-part"));
				throw new IllegalStateException("this part fails");
			})).isInstanceOf(IllegalStateException.class);
			part.executeWithoutResult(inner -> events.publishEvent(new Noted(run + "-good-part")));
			events.publishEvent(new Noted(run + "-after"));
		});

		assertThat(recorded(run)).containsExactlyInAnyOrder(run + "-before", run + "-good-part", run + "-after");
	}

	@Test
	void aRolledBackChangeLeavesNoRecordAndOneOutsideATransactionIsWrittenAtOnce() {
		String run = unique("whole");
		TransactionTemplate change = new TransactionTemplate(transactions);
		change.executeWithoutResult(status -> {
			events.publishEvent(new Noted(run + "-rolled-back"));
			status.setRollbackOnly();
		});
		events.publishEvent(new Noted(run + "-alone"));

		assertThat(recorded(run)).containsExactly(run + "-alone");
	}

	private List<String> recorded(String run) {
		return jdbc.sql("SELECT target_id FROM audit_event WHERE action = 'test.noted' AND target_id LIKE ?")
			.param(run + "-%")
			.query(String.class)
			.list();
	}
}
