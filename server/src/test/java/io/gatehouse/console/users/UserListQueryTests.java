package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The users list's URL state: keyset paging back and forth, sort links, filters kept on every link. */
class UserListQueryTests {

	private static final UUID ROLE = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

	@Test
	void theFirstPageHasNoPreviousAndItsNextRemembersWhereItStarted() {
		UserListQuery first = new UserListQuery("ad", "active", null, ROLE, null, null, null, null, null);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.pageNumber()).isEqualTo(1);
		assertThat(first.nextLink("C1")).isEqualTo("/console/users?q=ad&status=active&role=" + ROLE + "&cursor=C1&back=~");
	}

	@Test
	void previousGoesBackOnePageAtATime() {
		UserListQuery third = new UserListQuery("ad", null, null, null, "-email", "C2", "~,C1", null, null);
		assertThat(third.pageNumber()).isEqualTo(3);
		assertThat(third.previousLink()).isEqualTo("/console/users?q=ad&sort=-email&cursor=C1&back=~");
		UserListQuery second = new UserListQuery("ad", null, null, null, "-email", "C1", "~", null, null);
		assertThat(second.previousLink()).isEqualTo("/console/users?q=ad&sort=-email");
		assertThat(second.nextLink("C2")).endsWith("cursor=C2&back=~,C1");
	}

	@Test
	void aColumnSortsAscendingThenDescendingAndStartsAgainAtTheFirstPage() {
		UserListQuery byEmail = new UserListQuery("ad", null, null, null, "email", "C1", "~", null, null);
		assertThat(byEmail.sortLink("email")).isEqualTo("/console/users?q=ad&sort=-email");
		assertThat(byEmail.sortLink("username")).isEqualTo("/console/users?q=ad&sort=username");
		assertThat(byEmail.ariaSort("email")).isEqualTo("ascending");
		assertThat(byEmail.ariaSort("username")).isEqualTo("none");
		assertThat(new UserListQuery(null, null, null, null, null, null, null, null, null).ariaSort("username")).isEqualTo("ascending");
	}

	@Test
	void theSearchTakesTheFiltersAndRefusesAnUnknownStatus() {
		assertThat(new UserListQuery(" ", "deactivated", null, ROLE, null, "", null, null, null).search())
			.satisfies(search -> {
				assertThat(search.query()).isNull();
				assertThat(search.status()).isEqualTo(UserStatus.DEACTIVATED);
				assertThat(search.role()).isEqualTo(ROLE);
				assertThat(search.cursor()).isNull();
				assertThat(search.limit()).isEqualTo(UserListQuery.PAGE_SIZES.get(0));
			});
		assertThatThrownBy(() -> new UserListQuery(null, "gone", null, null, null, null, null, null, null).search())
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("status");
	}
}
