package io.gatehouse.users;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's queries whose answer a retry would otherwise hide, on H2 and PostgreSQL. */
class UserStoreIntegrationTests extends ApiIntegrationTest {

	@Autowired
	UserStore users;

	/** An empty answer would still end in a unique name, by losing the insert race over and over: check it here. */
	@Test
	void theNamesAnInferredUsernameMustAvoidAreTheBaseAndItsNumberedForms() {
		String base = unique("inf");
		for (String name : new String[] { base, base + "2", base + "10", base + "x", base + "-3", base + "2b" }) {
			createUser(name);
		}
		assertThat(users.baseAndNumbered(base)).containsExactlyInAnyOrder(base, base + "2", base + "10");
		assertThat(users.baseAndNumbered(base.toUpperCase())).containsExactlyInAnyOrder(base, base + "2", base + "10");
	}
}
