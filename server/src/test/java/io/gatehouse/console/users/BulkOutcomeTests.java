package io.gatehouse.console.users;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class BulkOutcomeTests {

	private static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-00000000ada0");

	private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000b0b0");

	@Test
	void travelsInTheListsUrlAndReadsAsOneSentence() {
		BulkOutcome outcome = BulkOutcome.of("deactivate", 3,
				List.of(entry(ADA, "privilege-escalation"), entry(BOB, "cannot-deactivate-self")));
		UriComponents url = UriComponentsBuilder.fromUriString(outcome.appendTo("/console/users?q=ad")).build();
		assertThat(url.getQueryParams().getFirst("q")).isEqualTo("ad");
		BulkOutcome read = BulkOutcome.parse(url.getQueryParams().getFirst("bulk"),
				Integer.valueOf(url.getQueryParams().getFirst("changed")), url.getQueryParams().getFirst("refused"), null);
		Map<UUID, String> names = Map.of(ADA, "ada", BOB, "bob");
		assertThat(read.message(names::get)).isEqualTo(
				"3 users deactivated. Refused for ada (beyond what you may grant), bob (your own account).");
		assertThat(read.anyRefused()).isTrue();
	}

	@Test
	void namesTheFirstTenRefusalsAndCountsTheRest() {
		List<Map.Entry<UUID, String>> refusals = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> entry(new UUID(0, i), "invalid-status"))
			.toList();
		BulkOutcome outcome = BulkOutcome.of("add-role", 1, refusals);
		assertThat(outcome.refused()).hasSize(10);
		assertThat(outcome.message(id -> "u" + id.getLeastSignificantBits()))
			.startsWith("Role given to 1 user. Refused for u0 (not active)")
			.endsWith("u9 (not active) and 2 others.");
	}

	@Test
	void aLinkCannotMakeThePageSayWordsOfItsOwn() {
		assertThat(BulkOutcome.parse("explode", 1, null, null)).isNull();
		assertThat(BulkOutcome.parse("deactivate", 1, "not-an-id:x", null)).isNull();
		assertThat(BulkOutcome.parse("deactivate", 0, ADA + ":<b>hi</b>", null).message(id -> "ada"))
			.isEqualTo("0 users deactivated. Refused for ada (not allowed).");
	}

	private static Map.Entry<UUID, String> entry(UUID id, String code) {
		return new AbstractMap.SimpleEntry<>(id, code);
	}
}
