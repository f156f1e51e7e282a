package io.gatehouse.api.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IP whitelist, through HTTP: every form admits its inside and refuses its outside on token requests,
 * password sign-in and sessions. Client addresses come from X-Forwarded-For of the (trusted) test client.
 */
class IpAllowlistIntegrationTests extends ApiIntegrationTest {

	@ParameterizedTest(name = "{0} admits {1} but not {2}")
	@CsvSource({
			"198.51.100.7,        198.51.100.7,        198.51.100.8",
			"198.51.100.,         198.51.100.200,      198.51.101.1",
			"198.51.100.*,        198.51.100.1,        198.51.99.1",
			"198.51.100.0/31,     198.51.100.1,        198.51.100.2",
			"2001:db8::7,         2001:db8:0:0:0:0:0:7, 2001:db8::8",
			"2001:db8:,           2001:db8:ffff::1,    2001:db9::1",
			"2001:db8:*,          2001:db8:1::,        2001:db7::1",
			"2001:db8:abcd::/48,  2001:db8:abcd:1::1,  2001:db8:abce::1" })
	void eachFormAdmitsItsInsideAndRefusesItsOutsideOnTokenRequests(String rule, String inside, String outside) {
		Map<String, Object> user = createUser(unique("allow"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		// used once before the change, so a cached "any address" must be dropped by the change
		withTokenFrom(token, outside).get().uri("/api/v1/me").exchange().expectStatus().isOk();

		setAllowlist(user.get("id"), List.of(rule)).expectStatus().isOk()
			.expectBody().jsonPath("$.rules[0]").isEqualTo(rule);

		withTokenFrom(token, inside).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		withTokenFrom(token, outside).get().uri("/api/v1/me").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:address-not-allowed");
	}

	@Test
	void rejectsAnInvalidRuleNamingItAndTheAcceptedForms() {
		Map<String, Object> user = createUser(unique("bad"));
		setAllowlist(user.get("id"), List.of("198.51.100.1", "1.1.1.300", "2001:db8::/129"))
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:invalid-ip-rule")
			.jsonPath("$.errors.length()").isEqualTo(2)
			.jsonPath("$.errors[0].field").isEqualTo("rules[1]")
			.jsonPath("$.errors[0].rule").isEqualTo("ip-rule")
			.jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("'1.1.1.300'")
				.contains("1.1.1.1").contains("1.1.1.").contains("1.1.1.*").contains("1.1.1.0/31").contains("2001:db8::/32"))
			.jsonPath("$.errors[1].field").isEqualTo("rules[2]");
		admin().get().uri("/api/v1/users/{id}/ip-allowlist", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rules.length()").isEqualTo(0);
	}

	@Test
	void passwordSignInFromOutsideLooksLikeAWrongPassword() {
		String name = unique("pw");
		Map<String, Object> user = createUser(name);
		setAllowlist(user.get("id"), List.of("203.0.113.0/24")).expectStatus().isOk();
		String outside = uniqueAddress();
		String refused = anonymousFrom(outside).post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().doesNotExist("Set-Cookie")
			.expectBody(String.class).returnResult().getResponseBody();
		String wrong = anonymousFrom(uniqueAddress()).post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", "Wrong-Password-9"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).isEqualTo(wrong);
		assertThat(jdbc.sql("SELECT outcome FROM auth_sign_in WHERE login = ? AND client_ip = ?")
			.params(name, canonical(outside)).query(String.class).single()).isEqualTo("address-not-allowed");

		signIn(name, PASSWORD, "203.0.113.44").client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void aSessionUsedFromOutsideTheAllowlistStopsWorking() {
		String name = unique("sess");
		Map<String, Object> user = createUser(name);
		setAllowlist(user.get("id"), List.of("203.0.113.0/24", "2001:db8:5::/48")).expectStatus().isOk();
		SignedIn browser = signIn(name, PASSWORD, "203.0.113.5");
		browser.clientFrom("2001:db8:5::9").get().uri("/api/v1/me").exchange().expectStatus().isOk();

		browser.clientFrom("198.51.100.77").get().uri("/api/v1/me").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("address-not-allowed");
		// ended, not just refused: back inside, the stolen-cookie holder and the owner alike must sign in again
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'session.revoked' AND target_id = ? AND details LIKE '%address-not-allowed%'")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSessionLeftOutsideByAChangedAllowlistStopsWorking() {
		String name = unique("chg");
		Map<String, Object> user = createUser(name);
		SignedIn browser = signIn(name, PASSWORD, "198.51.100.9");
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		setAllowlist(user.get("id"), List.of("203.0.113.0/24")).expectStatus().isOk();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isForbidden();
	}

	@Test
	void aChangeMadeOnAnotherNodeReachesThisOneThroughTheChangeTable() throws InterruptedException {
		Map<String, Object> user = createUser(unique("node"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		withTokenFrom(token, "198.51.100.70").get().uri("/api/v1/me").exchange().expectStatus().isOk();
		// this node's poll also drops the cache once after its own earlier writes (other tests'): let that pass
		Thread.sleep(1_500);
		withTokenFrom(token, "198.51.100.70").get().uri("/api/v1/me").exchange().expectStatus().isOk();
		// what another node's PUT writes: the rows and the change, and nothing in this node's cache
		jdbc.sql("INSERT INTO allowlist_rule (user_id, rule_order, rule_text) VALUES (?, 0, '203.0.113.70')")
			.param(UUID.fromString((String) user.get("id"))).update();
		// still the cached list until the allowlist area moves
		withTokenFrom(token, "198.51.100.70").get().uri("/api/v1/me").exchange().expectStatus().isOk();
		jdbc.sql("UPDATE cache_change SET version = version + 1 WHERE area = 'allowlist'").update();
		int status = 200;
		for (int i = 0; i < 50 && status == 200; i++) {
			Thread.sleep(100);
			status = withTokenFrom(token, "198.51.100.70").get().uri("/api/v1/me").exchange()
				.returnResult(String.class).getStatus().value();
		}
		assertThat(status).as("refused within the poll interval (1 s)").isEqualTo(403);
	}

	@Test
	void anEmptyListAdmitsAnyAddressAgain() {
		Map<String, Object> user = createUser(unique("empty"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		setAllowlist(user.get("id"), List.of("203.0.113.1")).expectStatus().isOk();
		withTokenFrom(token, "198.51.100.1").get().uri("/api/v1/me").exchange().expectStatus().isForbidden();
		setAllowlist(user.get("id"), List.of()).expectStatus().isOk();
		withTokenFrom(token, "198.51.100.1").get().uri("/api/v1/me").exchange().expectStatus().isOk();
		withToken(token).get().uri("/api/v1/me/ip-allowlist").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rules.length()").isEqualTo(0);
	}

	@Test
	void onlyAnAdministratorSetsAllowlistsAndTheChangeIsAudited() {
		Map<String, Object> user = createUser(unique("own"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		withToken(token).put().uri("/api/v1/users/{id}/ip-allowlist", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("rules", List.of("0.0.0.0/0")))
			.exchange()
			.expectStatus().isForbidden();
		setAllowlist(user.get("id"), List.of("203.0.113.0/24")).expectStatus().isOk();
		withTokenFrom(token, "203.0.113.3").get().uri("/api/v1/me/ip-allowlist").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rules[0]").isEqualTo("203.0.113.0/24");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.ip-allowlist.changed' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAdministratorCannotShutOutTheirOwnRequest() {
		UUID adminId = jdbc.sql("SELECT id FROM users_account WHERE username_normalized = 'admin'").query(UUID.class).single();
		try {
			setAllowlist(adminId, List.of("203.0.113.250")).expectStatus().isEqualTo(409)
				.expectBody().jsonPath("$.code").isEqualTo("allowlist-excludes-you");
		}
		finally {
			// should the guard ever fail, give the shared administrator its access back for the other tests
			jdbc.sql("DELETE FROM allowlist_rule WHERE user_id = ?").param(adminId).update();
			jdbc.sql("UPDATE cache_change SET version = version + 1 WHERE area = 'allowlist'").update();
		}
	}

	@Test
	void aTrustedProxyChainYieldsTheFirstUntrustedHop() {
		Map<String, Object> user = createUser(unique("chain"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		setAllowlist(user.get("id"), List.of("203.0.113.60")).expectStatus().isOk();
		// the client claims an allowed address, but the hop our trusted proxy (loopback) saw is 198.51.100.60
		withTokenFrom(token, "203.0.113.60, 198.51.100.60").get().uri("/api/v1/me").exchange()
			.expectStatus().isForbidden();
		// further trusted proxies in the chain are skipped
		withTokenFrom(token, "203.0.113.60, 127.0.0.1").get().uri("/api/v1/me").exchange().expectStatus().isOk();
		// garbage stops the walk at the last hop vouched for: the loopback proxy itself
		withTokenFrom(token, "203.0.113.60, not-an-ip").get().uri("/api/v1/me").exchange().expectStatus().isForbidden();
	}

	private RestTestClient.ResponseSpec setAllowlist(Object userId, List<String> rules) {
		return admin().put().uri("/api/v1/users/{id}/ip-allowlist", userId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("rules", rules))
			.exchange();
	}

	private static String canonical(String address) {
		return io.gatehouse.allowlist.IpAddress.canonical(address);
	}
}
