package io.gatehouse.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators watch is in the metrics under the names the Grafana dashboard in the repository
 * ({@code ops/grafana/gatehouse.json}) is built from, once something happened: sign-ins, a token issued and one
 * refused, a change seen by the cache poll.
 */
class OperationsMetricsIntegrationTests extends ApiIntegrationTest {

	private static final Path DASHBOARD = Path.of("../ops/grafana/gatehouse.json");

	private static final Pattern METRIC = Pattern.compile("\\b((?:gatehouse|cache|hikaricp)_[a-z_]+)\\b");

	@Test
	void theMetricsOperatorsWatchAreExposed() throws Exception {
		String username = (String) createUser(unique("metrics")).get("username");
		signIn(username, PASSWORD).createToken("metrics");
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", username, "password", "Not-The-Password-1")).exchange()
			.expectStatus().isUnauthorized();
		withToken("not-a-token").get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		// a change the other nodes learn of through the change table: this node's poll sees it within a second
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("deliveredMailRetention", "31d")).exchange().expectStatus().isOk();
		java.util.HashMap<String, Object> reset = new java.util.HashMap<>();
		reset.put("deliveredMailRetention", null);
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(reset).exchange()
			.expectStatus().isOk();
		Thread.sleep(2500);

		String scraped = scrape();
		assertThat(scraped)
			.contains("gatehouse_sign_ins_total{outcome=\"accepted\"}")
			.contains("gatehouse_sign_ins_total{outcome=\"wrong-password\"}")
			.contains("gatehouse_sign_in_locks_total{target=\"user\"}")
			.contains("gatehouse_mfa_failures_total")
			.contains("gatehouse_tokens_issued_total")
			.contains("gatehouse_tokens_refused_total{reason=\"malformed\"}")
			.contains("gatehouse_mail_queued")
			.contains("gatehouse_mail_failed")
			.contains("gatehouse_mail_queue_age_seconds")
			.contains("cache_gets_total{cache=\"tokens\"")
			.contains("gatehouse_cache_invalidation_lag_seconds_count{area=\"settings\"}")
			.contains("hikaricp_connections_active")
			.contains("gatehouse_http_requests_waiting")
			.contains("gatehouse_http_requests_unplaced_total");
		assertThat(value(scraped, "gatehouse_tokens_issued_total")).isGreaterThanOrEqualTo(1);
		assertThat(value(scraped, "gatehouse_http_requests_running")).as("the scrape itself runs in a place")
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void everyMetricTheDashboardUsesIsExposed() throws IOException {
		String dashboard = Files.readString(DASHBOARD);
		Set<String> used = new TreeSet<>();
		Matcher matcher = METRIC.matcher(dashboard);
		while (matcher.find()) {
			used.add(matcher.group(1));
		}
		assertThat(used).contains("gatehouse_sign_ins_total", "hikaricp_connections_active", "cache_gets_total");
		// sign in once, so the counters created at the first event exist
		signIn(ADMIN, ADMIN_PASSWORD);
		withToken("not-a-token").get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		String scraped = scrape();
		for (String name : used) {
			if (name.startsWith("gatehouse_cache_invalidation_lag")) {
				// appears once a change has been polled: the test above shows it
				continue;
			}
			assertThat(scraped).as("the dashboard's %s", name).containsPattern("(?m)^" + name + "[{ ]");
		}
	}

	private String scrape() {
		return admin().get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	private static double value(String scraped, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scraped);
		assertThat(matcher.find()).as(name).isTrue();
		return Double.parseDouble(matcher.group(1));
	}
}
