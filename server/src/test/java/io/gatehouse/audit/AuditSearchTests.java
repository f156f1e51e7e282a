package io.gatehouse.audit;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit filters' rules: what each accepts, and that every refusal names its field. */
class AuditSearchTests {

	@Test
	void blankFiltersMeanNoFilter() {
		AuditSearch search = new AuditSearch(" ", "", null, " ", "", null, null, 50, "");
		assertThat(search.actor()).isNull();
		assertThat(search.action()).isNull();
		assertThat(search.targetId()).isNull();
		assertThat(search.outcome()).isNull();
		assertThat(search.cursor()).isNull();
	}

	@Test
	void anActionEndingInAStarIsAPrefix() {
		assertThat(search("user.*").actionPrefix()).isEqualTo("user.");
		assertThat(search("User.Created").action()).isEqualTo("user.created");
		assertThat(search("user.created").actionPrefix()).isNull();
		assertThat(search("*").actionPrefix()).isEmpty();
	}

	@Test
	void theActorIsAUserIdWhenItReadsAsOne() {
		UUID id = UUID.randomUUID();
		assertThat(actor(id.toString()).actorId()).isEqualTo(id);
		assertThat(actor("ada.lovelace").actorId()).isNull();
	}

	@Test
	void eachBadFilterIsNamed() {
		assertThatThrownBy(() -> new AuditSearch("no spaces", "user.%", "user type", "x".repeat(65), "maybe",
				Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T09:00:00Z"), 0, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(DomainException.Kind.INVALID);
				assertThat(ex.violations()).extracting(FieldViolation::field)
					.containsExactly("actor", "action", "targetType", "targetId", "outcome", "to", "limit");
			});
	}

	@Test
	void theLimitIsBetweenOneAndTwoHundred() {
		assertThat(AuditSearch.all(200, null).limit()).isEqualTo(200);
		assertThatThrownBy(() -> AuditSearch.all(201, null)).isInstanceOf(DomainException.class)
			.hasMessageContaining("limit");
	}

	private static AuditSearch search(String action) {
		return new AuditSearch(null, action, null, null, null, null, null, 10, null);
	}

	private static AuditSearch actor(String actor) {
		return new AuditSearch(actor, null, null, null, null, null, null, 10, null);
	}
}
