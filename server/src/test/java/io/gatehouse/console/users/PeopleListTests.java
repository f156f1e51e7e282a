package io.gatehouse.console.users;

import java.util.List;

import io.gatehouse.users.BatchAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleListTests {

	@Test
	void linesCommasAndSemicolonsSeparateEntriesAndAWordAfterTheEmailIsTheUsername() {
		assertThat(PeopleList.parse("ada@example.com\r\n\n grace@example.com  grace , linus@example.com;x@y.z").accounts())
			.containsExactly(new BatchAccount("ada@example.com", null), new BatchAccount("grace@example.com", "grace"),
					new BatchAccount("linus@example.com", null), new BatchAccount("x@y.z", null));
	}

	@Test
	void blankInputIsNoAccountAndABadLineIsKeptForTheDomainToRefuse() {
		assertThat(PeopleList.parse(null).accounts()).isEmpty();
		assertThat(PeopleList.parse(" \n , ;").accounts()).isEmpty();
		assertThat(PeopleList.parse("not-an-email").accounts()).isEqualTo(List.of(new BatchAccount("not-an-email", null)));
	}
}
