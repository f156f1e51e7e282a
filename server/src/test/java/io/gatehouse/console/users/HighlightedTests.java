package io.gatehouse.console.users;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightedTests {

	@Test
	void marksEveryMatchIgnoringCaseAndKeepsTheTextAsWritten() {
		assertThat(Highlighted.of("Anna-Banana", "ANA").parts()).containsExactly(part("Anna-B", false),
				part("ana", true), part("na", false));
		assertThat(Highlighted.of("ada@ada.example", "ada").parts()).containsExactly(part("ada", true),
				part("@", false), part("ada", true), part(".example", false));
	}

	@Test
	void aRunOfSpacesInTheQueryMatchesOneSpaceAsTheSearchDoes() {
		assertThat(Highlighted.of("Ada Lovelace", "  ada   love ").parts()).containsExactly(part("Ada Love", true),
				part("lace", false));
	}

	@Test
	void withoutAQueryOrAMatchTheTextIsShownUnmarked() {
		assertThat(Highlighted.of("Ada", null).parts()).containsExactly(part("Ada", false));
		assertThat(Highlighted.of("Ada", "zz").parts()).containsExactly(part("Ada", false));
		assertThat(Highlighted.of(null, "a").parts()).isEmpty();
	}

	private static Highlighted.Part part(String text, boolean match) {
		return new Highlighted.Part(text, match);
	}
}
