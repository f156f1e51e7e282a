package io.gatehouse.api.links;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer to a password-reset request must not tell a known address from an unknown one by its time: for a known
 * one the link is made and mailed after the answer, not before. Shown without a stopwatch: while the user's reset
 * link is locked, so that making a new one has to wait, the answer still comes at once, and the mail follows when
 * the lock goes.
 */
class PasswordResetTimingIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void theAnswerForAKnownAddressWaitsForNoLinkNorMail() throws Exception {
		String name = unique("timing");
		String email = name + "@example.com";
		UUID user = UUID.fromString((String) createUser(name).get("id"));
		assertThat(request(email, uniqueAddress()).statusCode()).isEqualTo(202);
		TestMailServer.await(email, "reset your password", 1);

		HttpResponse<String> answer;
		long millis;
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement(
					"SELECT id FROM users_link WHERE user_id = ? AND purpose = 'PASSWORD_RESET' FOR UPDATE")) {
				lock.setObject(1, user);
				try (ResultSet rows = lock.executeQuery()) {
					assertThat(rows.next()).as("the first request's link").isTrue();
				}
			}
			long start = System.nanoTime();
			answer = request(email, uniqueAddress());
			millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(TestMailServer.to(email)).as("no second link while it cannot be made")
				.filteredOn(mail -> mail.subject().contains("reset your password")).hasSize(1);
			holder.rollback();
		}
		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(millis).as("the answer waited for nothing the link needs").isLessThan(2_500);
		TestMailServer.await(email, "reset your password", 2);
	}

	/** Straight through the JDK's client, with a time limit: a request stuck behind the lock fails, not hangs. */
	private HttpResponse<String> request(String email, String address) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/password-resets"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}
}
