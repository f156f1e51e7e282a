package io.gatehouse.api.users;

import java.util.Collections;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Instances that never delete users: with the delete policy {@code deactivate-only} delete is refused. The policy is
 * a runtime setting, so the shared server is switched for these tests and back, rather than a second server started.
 */
class DeactivateOnlyIntegrationTests extends ApiIntegrationTest {

	@BeforeEach
	void onlyDeactivate() {
		deletePolicy("deactivate-only");
	}

	@AfterEach
	void backToTheDefault() {
		deletePolicy(null);
	}

	private void deletePolicy(String policy) {
		Map<String, Object> change = Collections.singletonMap("deletePolicy", policy);
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(change).exchange()
			.expectStatus().isOk();
	}

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
