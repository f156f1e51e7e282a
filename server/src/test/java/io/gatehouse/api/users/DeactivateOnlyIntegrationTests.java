package io.gatehouse.api.users;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Instances never delete users: with {@code gatehouse.users.delete=deactivate-only} delete is refused. */
// a second application context for this one setting: a small pool, so it does not hold many database connections
@TestPropertySource(properties = { "gatehouse.users.delete=deactivate-only",
		"spring.datasource.hikari.maximum-pool-size=3" })
class DeactivateOnlyIntegrationTests extends ApiIntegrationTest {

	@Test
	void deleteIsRefusedWithAClearErrorAndTheUserStays() {
		String id = (String) createUser(unique("stays")).get("id");
		admin().delete().uri("/api/v1/users/{id}", id).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:deletion-disabled")
			.jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("deactivate"));
		admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("active");
		admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("deactivated");
	}

	@Test
	void theConsoleOffersNoDeleteButton() {
		String id = (String) createUser(unique("nodel")).get("id");
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		String page = admin.client().get().uri("/console/users/{id}", id).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		org.assertj.core.api.Assertions.assertThat(page).contains("Deactivate").doesNotContain("delete-user");
	}
}
