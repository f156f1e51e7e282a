package io.gatehouse.sso;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.mfa.MfaManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Admission;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through a real OpenID provider, end to end: the browser goes to Gatehouse, to the provider and back,
 * and comes out with Gatehouse's own session, or is refused with the reason recorded.
 */
class OidcSignInIntegrationTests extends ApiIntegrationTest {

	private static OidcProviderRig rig;

	@Autowired
	private MfaManagement mfa;

	@Autowired
	private Admission admission;

	@BeforeAll
	static void startProvider() throws Exception {
		rig = new OidcProviderRig();
	}

	@AfterAll
	static void stopProvider() {
		rig.close();
	}

	@Test
	void aFirstSignInMakesTheAccountJustInTimeWithTheDefaultRoleAndLandsOnTheDeepLink() {
		String alias = unique("jit");
		register(alias, Map.of("defaultRole", BuiltInRoles.VIEWER.toString()));
		String subject = unique("sub-");
		String email = subject + "@idp.example";
		rig.nextUser(alias, subject, Map.of("email", email, "email_verified", true, "given_name", "Ada",
				"family_name", "Lovelace"));

		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		HttpResponse<String> landed = signIn(browser, alias, "/console/users?q=x");

		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(OidcProviderRig.Browser.location(landed)).endsWith("/console/users?q=x");
		String session = browser.cookie("GATEHOUSE_SESSION");
		assertThat(session).isNotBlank();
		Map<String, Object> me = anonymous().get().uri("/api/v1/me")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session)
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(me).containsEntry("email", email).containsEntry("firstName", "Ada").containsEntry("source", "oidc");
		UUID userId = UUID.fromString((String) me.get("id"));
		assertThat(bindings(userId, BuiltInRoles.VIEWER)).isEqualTo(1);
		assertThat(outcomes("oidc:" + alias + ":" + subject)).contains("accepted");

		// the second sign-in finds the same account by (provider, subject), and takes the provider's new name
		rig.nextUser(alias, subject, Map.of("email", email, "email_verified", true, "given_name", "Augusta",
				"family_name", "Lovelace"));
		signIn(new OidcProviderRig.Browser(), alias, null);
		assertThat(jdbc.sql("SELECT first_name FROM users_account WHERE id = ?").param(userId).query(String.class).single())
			.isEqualTo("Augusta");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email = ?").param(email).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void signingOutOfTheConsoleEndsTheSessionAndSendsTheBrowserOnToTheProvidersLogoutWithTheIdToken() {
		String alias = unique("out");
		register(alias, Map.of());
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		assertThat(signIn(browser, alias, null).statusCode()).isEqualTo(302);
		String session = browser.cookie("GATEHOUSE_SESSION");

		HttpResponse<String> out = browser.post(base() + "/console/sign-out", Map.of("_csrf", consoleCsrf(browser)));

		// a page that moves on to the provider by itself (a redirect would break the form's form-action policy)
		assertThat(out.statusCode()).isEqualTo(200);
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"provider-sign-out\" href=\"([^\"]+)\"")
			.matcher(out.body());
		assertThat(link.find()).as(out.body()).isTrue();
		assertThat(out.body()).contains("http-equiv=\"refresh\"");
		String logout = link.group(1).replace("&amp;", "&");
		assertThat(logout).startsWith(rig.issuer(alias));
		Map<String, String> query = query(logout);
		assertThat(query).containsEntry("post_logout_redirect_uri", base() + "/console/sign-in")
			.containsEntry("client_id", "gatehouse");
		// the hint is the ID token of this sign-in
		String payload = new String(java.util.Base64.getUrlDecoder().decode(query.get("id_token_hint").split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat(payload).contains("\"sub\":\"" + subject + "\"");
		// Gatehouse's session has ended, and the ID token with it
		anonymous().get().uri("/api/v1/me").header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session)
			.exchange().expectStatus().isUnauthorized();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sso_session s JOIN sso_provider p ON p.id = s.provider_id"
				+ " WHERE p.alias = ?").param(alias).query(Integer.class).single()).isZero();
		// and the provider, its own session ended, sends the browser back to the sign-in page
		assertThat(OidcProviderRig.Browser.location(browser.get(logout))).startsWith(base() + "/console/sign-in");
	}

	@Test
	void aPasswordSessionSignsOutHereOnly() {
		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		HttpResponse<String> page = browser.get(base() + "/console/sign-in");
		String csrf = hiddenCsrf(page.body());
		HttpResponse<String> signedIn = browser.post(base() + "/console/sign-in",
				Map.of("_csrf", csrf, "login", ADMIN, "password", ADMIN_PASSWORD));
		assertThat(signedIn.statusCode()).isEqualTo(302);

		HttpResponse<String> out = browser.post(base() + "/console/sign-out", Map.of("_csrf", consoleCsrf(browser)));

		assertThat(OidcProviderRig.Browser.location(out)).contains("/console/sign-in?").doesNotContain("id_token_hint");
	}

	/** The console's CSRF token, as a page's sign-out form holds it. */
	private String consoleCsrf(OidcProviderRig.Browser browser) {
		HttpResponse<String> page = browser.get(base() + "/console/profile");
		assertThat(page.statusCode()).isEqualTo(200);
		return hiddenCsrf(page.body());
	}

	private static String hiddenCsrf(String html) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(matcher.find()).as("a form with the console's CSRF token").isTrue();
		return matcher.group(1);
	}

	@Test
	void anAcrTheAdministratorTrustsCountsAsTheSecondFactorAndAnyOtherDoesNot() {
		String alias = unique("acr");
		String id = register(alias, Map.of("trustProviderMfa", true, "trustedAcrValues", List.of("urn:acme:mfa", "gold")));
		assertThat(admin().get().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody())
			.containsEntry("trustedAcrValues", List.of("urn:acme:mfa", "gold"));
		String subject = withSecondFactor(alias);

		assertThat(signedInWithAcr(alias, subject, "urn:acme:mfa")).isTrue();
		assertThat(signedInWithAcr(alias, subject, "gold")).isTrue();
		assertThat(signedInWithAcr(alias, subject, "bronze")).isFalse();
		assertThat(outcomes("oidc:" + alias + ":" + subject)).containsSubsequence("accepted", "accepted",
				"second-factor-required");

		// without the administrator's trust in the provider's MFA, its acr counts for nothing
		String untrusted = unique("acr");
		register(untrusted, Map.of("trustProviderMfa", false, "trustedAcrValues", List.of("urn:acme:mfa")));
		assertThat(signedInWithAcr(untrusted, withSecondFactor(untrusted), "urn:acme:mfa")).isFalse();
	}

	@Test
	void trustedAcrValuesAreTokensWithoutSpaces() {
		Map<String, Object> body = new HashMap<>(Map.of("alias", unique("acr"), "displayName", "Acr",
				"issuer", rig.issuer("acr-bad"), "clientId", "gatehouse", "trustedAcrValues", List.of("gold", "two words")));
		String answer = admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
		assertThat(answer).contains("trustedAcrValues[1]", "pattern");
	}

	/** A new account through the provider, with an authenticator enrolled; its subject. */
	private String withSecondFactor(String alias) {
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(302);
		Map<String, Object> account = jdbc.sql("SELECT u.id, u.username FROM sso_identity i"
				+ " JOIN users_account u ON u.id = i.user_id WHERE i.subject = ?").param(subject).query().singleRow();
		Actor self = new Actor((UUID) account.get("id"), (String) account.get("username"), "192.0.2.1", null, null);
		String secret = mfa.startTotp(self).secret();
		mfa.confirmTotp(self, Totp.code(secret, Instant.now()));
		return subject;
	}

	/** Whether a sign-in with this {@code acr} comes out with a session (rather than the second-factor step). */
	private boolean signedInWithAcr(String alias, String subject, String acr) {
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true, "acr", acr));
		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		signIn(browser, alias, null);
		return browser.cookie("GATEHOUSE_SESSION") != null;
	}

	@Test
	void aProviderForExistingAccountsOnlyRefusesSomeoneItDoesNotKnow() {
		String alias = unique("only");
		register(alias, Map.of("provisioning", "existing-only"));
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));

		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		HttpResponse<String> answer = signIn(browser, alias, null);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("There is no account for you here");
		assertThat(browser.cookie("GATEHOUSE_SESSION")).isNull();
		assertThat(outcomes("oidc:" + alias + ":" + subject)).containsExactly("no-account");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email = ?").param(subject + "@idp.example")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aDeactivatedAccountIsRefused() {
		String alias = unique("deact");
		register(alias, Map.of());
		String subject = unique("sub-");
		Map<String, Object> claims = Map.of("email", subject + "@idp.example", "email_verified", true);
		rig.nextUser(alias, subject, claims);
		OidcProviderRig.Browser first = new OidcProviderRig.Browser();
		signIn(first, alias, null);
		UUID userId = jdbc.sql("SELECT user_id FROM sso_identity WHERE subject = ?").param(subject).query(UUID.class).single();
		admin().post().uri("/api/v1/users/" + userId + "/deactivate").exchange().expectStatus().isOk();

		rig.nextUser(alias, subject, claims);
		OidcProviderRig.Browser second = new OidcProviderRig.Browser();
		HttpResponse<String> answer = signIn(second, alias, null);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(second.cookie("GATEHOUSE_SESSION")).isNull();
		assertThat(outcomes("oidc:" + alias + ":" + subject)).containsExactly("accepted", "deactivated");
	}

	/** The allowlist guards an SSO sign-in as it guards a password one: the provider vouching for the person is not enough. */
	@Test
	void anAddressOutsideTheUsersAllowlistRefusesTheSsoSignIn() {
		String alias = unique("allow");
		register(alias, Map.of());
		String subject = unique("sub-");
		Map<String, Object> claims = Map.of("email", subject + "@idp.example", "email_verified", true);
		rig.nextUser(alias, subject, claims);
		signIn(new OidcProviderRig.Browser(), alias, null);
		UUID userId = jdbc.sql("SELECT user_id FROM sso_identity WHERE subject = ?").param(subject).query(UUID.class).single();
		admin().put().uri("/api/v1/users/{id}/ip-allowlist", userId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("rules", List.of("203.0.113.0/24"))).exchange().expectStatus().is2xxSuccessful();

		rig.nextUser(alias, subject, claims);
		OidcProviderRig.Browser second = new OidcProviderRig.Browser();
		HttpResponse<String> answer = signIn(second, alias, null);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(second.cookie("GATEHOUSE_SESSION")).isNull();
		assertThat(outcomes("oidc:" + alias + ":" + subject)).containsExactly("accepted", "address-not-allowed");
	}

	/**
	 * A local account whose address is verified is taken over by a provider's person with that address only where the
	 * provider links by email; elsewhere the address being taken refuses the sign-in, and no second account is made.
	 */
	@Test
	void aVerifiedEmailLinksTheLocalAccountOnlyWhereTheProviderLinksByEmail() {
		Map<String, Object> local = createUser(unique("linked"));
		UUID localId = UUID.fromString((String) local.get("id"));
		String email = (String) local.get("email");
		jdbc.sql("UPDATE users_account SET email_verified = TRUE WHERE id = ?").param(localId).update();
		String subject = unique("sub-");

		String plain = unique("nolink");
		register(plain, Map.of());
		rig.nextUser(plain, subject, Map.of("email", email, "email_verified", true));
		OidcProviderRig.Browser refused = new OidcProviderRig.Browser();
		signIn(refused, plain, null);
		assertThat(refused.cookie("GATEHOUSE_SESSION")).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email = ?").param(email).query(Integer.class)
			.single()).isEqualTo(1);

		String linking = unique("link");
		register(linking, Map.of("linkByEmail", true));
		rig.nextUser(linking, subject, Map.of("email", email, "email_verified", true));
		OidcProviderRig.Browser linked = new OidcProviderRig.Browser();
		signIn(linked, linking, null);
		assertThat(linked.cookie("GATEHOUSE_SESSION")).isNotNull();
		assertThat(jdbc.sql("SELECT user_id FROM sso_identity i JOIN sso_provider p ON p.id = i.provider_id"
				+ " WHERE p.alias = ? AND i.subject = ?").params(linking, subject).query(UUID.class).single())
			.isEqualTo(localId);
	}

	@Test
	void claimMappingsGiveRolesAndWithExternalAuthorizationTheyAreAllTheUserHolds() {
		String alias = unique("map");
		register(alias, Map.of("mappings", List.of(
				Map.of("claim", "groups", "value", "gh-editors", "roleId", BuiltInRoles.EDITOR.toString()),
				Map.of("claim", "realm_access.roles", "value", "auditor", "roleId", BuiltInRoles.VIEWER.toString()))));
		String subject = unique("sub-");
		Map<String, Object> claims = new HashMap<>(Map.of("email", subject + "@idp.example", "email_verified", true,
				"groups", List.of("staff", "gh-editors"), "realm_access", Map.of("roles", List.of("auditor"))));
		rig.nextUser(alias, subject, claims);
		signIn(new OidcProviderRig.Browser(), alias, null);
		UUID userId = jdbc.sql("SELECT user_id FROM sso_identity WHERE subject = ?").param(subject).query(UUID.class).single();
		assertThat(bindings(userId, BuiltInRoles.EDITOR)).isEqualTo(1);
		assertThat(bindings(userId, BuiltInRoles.VIEWER)).isEqualTo(1);

		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("authorizationMode", "external")).exchange().expectStatus().isOk();
		try {
			// the provider no longer puts the person in gh-editors: with external authorization the role goes
			claims.put("groups", List.of("staff"));
			rig.nextUser(alias, subject, claims);
			signIn(new OidcProviderRig.Browser(), alias, null);
			assertThat(bindings(userId, BuiltInRoles.EDITOR)).isZero();
			assertThat(bindings(userId, BuiltInRoles.VIEWER)).isEqualTo(1);
		}
		finally {
			Map<String, Object> reset = new HashMap<>();
			reset.put("authorizationMode", null);
			admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(reset)
				.exchange().expectStatus().isOk();
		}
	}

	@Test
	void aCallbackWithoutTheBrowserThatStartedItOrUsedTwiceIsRefused() {
		String alias = unique("state");
		register(alias, Map.of());
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		OidcProviderRig.Browser victim = new OidcProviderRig.Browser();
		String callback = callbackFromProvider(victim, alias, null, UnaryOperatorIdentity.NONE);

		// someone else's browser (no cookie of this sign-in) brings the code and state back: login CSRF
		OidcProviderRig.Browser attacker = new OidcProviderRig.Browser();
		HttpResponse<String> refused = attacker.get(callback);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(attacker.cookie("GATEHOUSE_SESSION")).isNull();

		HttpResponse<String> accepted = victim.get(callback);
		assertThat(accepted.statusCode()).isEqualTo(302);
		// the same state again: used once
		HttpResponse<String> replayed = victim.get(callback);
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(outcomes("oidc:" + alias)).containsExactly("sso-state-invalid",
				"sso-state-invalid");
	}

	@Test
	void anIdTokenForAnotherNonceIsRefused() {
		String alias = unique("nonce");
		register(alias, Map.of());
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		String callback = callbackFromProvider(browser, alias, null, url -> UriComponentsBuilder.fromUriString(url)
			.replaceQueryParam("nonce", "a-nonce-of-another-sign-in").build().toUriString());

		HttpResponse<String> answer = browser.get(callback);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(browser.cookie("GATEHOUSE_SESSION")).isNull();
		assertThat(outcomes("oidc:" + alias)).containsExactly("sso-nonce-invalid");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sso_identity WHERE subject = ?").param(subject).query(Integer.class)
			.single()).isZero();
	}

	/**
	 * Validly signed (with a key the provider publishes) but for another client, or expired: the provider itself
	 * always issues right ones, so the man in the middle signs these.
	 */
	@Test
	void anIdTokenForAnotherAudienceOrExpiredIsRefused() throws Exception {
		String alias = unique("aud");
		register(alias, Map.of("discoveryUrl", rig.middleUrl(alias) + "/.well-known/openid-configuration"));
		String subject = unique("sub-");
		Map<String, Object> claims = Map.of("email", subject + "@idp.example", "email_verified", true);
		com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
			.keyID(unique("published-")).generate();
		rig.extraKey = key.toPublicJWK().toJSONString();
		try {
			rig.tamper = body -> resigned(body, key, c -> c.audience("another-client"));
			rig.nextUser(alias, subject, claims);
			assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(200);
			rig.tamper = body -> resigned(body, key, c -> c
				.issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(3600)))
				.expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(600))));
			rig.nextUser(alias, subject, claims);
			assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(200);
			// the same key and claims untouched: the key itself is accepted, so the claims are what was refused
			rig.tamper = body -> resigned(body, key, c -> c);
			rig.nextUser(alias, subject, claims);
			assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(302);
		}
		finally {
			rig.tamper = java.util.function.UnaryOperator.identity();
			rig.extraKey = null;
		}
		assertThat(outcomes("oidc:" + alias)).containsExactly("sso-id-token-invalid", "sso-id-token-invalid");
	}

	@Test
	void aCallbackWaitingOnTheProvidersTokenEndpointHoldsNoPlaceInLine() throws Exception {
		String alias = unique("slowtoken");
		register(alias, Map.of("discoveryUrl", rig.middleUrl(alias) + "/.well-known/openid-configuration"));
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
		rig.tamper = body -> {
			asked.countDown();
			try {
				answer.await(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return body;
		};
		try {
			OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
			String callback = callbackFromProvider(browser, alias, null, UnaryOperatorIdentity.NONE);
			java.util.concurrent.CompletableFuture<HttpResponse<String>> landed = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> browser.get(callback));
			assertThat(asked.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the provider was asked").isTrue();
			assertThat(admission.taken()).as("no request holds a place while the provider answers").isZero();

			answer.countDown();
			assertThat(landed.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(302);
		}
		finally {
			rig.tamper = java.util.function.UnaryOperator.identity();
			answer.countDown();
		}
	}

	@Test
	void aTamperedIdTokenIsRefused() {
		String alias = unique("tamper");
		register(alias, Map.of("discoveryUrl", rig.middleUrl(alias) + "/.well-known/openid-configuration"));
		String subject = unique("sub-");
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		// the payload says someone else; the signature is the provider's, over the original payload
		rig.tamper = body -> {
			String token = body.replaceAll("(?s).*\"id_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			String[] parts = token.split("\\.");
			String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace(subject, "someone-else");
			String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
				.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
			return body.replace(token, forged);
		};
		try {
			OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
			HttpResponse<String> answer = signIn(browser, alias, null);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(browser.cookie("GATEHOUSE_SESSION")).isNull();
		}
		finally {
			rig.tamper = java.util.function.UnaryOperator.identity();
		}
		assertThat(outcomes("oidc:" + alias)).containsExactly("sso-id-token-invalid");

		// the same provider through the same man in the middle, untouched: the rig itself is not what refused
		rig.nextUser(alias, subject, Map.of("email", subject + "@idp.example", "email_verified", true));
		assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(302);
	}

	@Test
	void aTokenSignedWithAKeyThatAppearedSinceTheKeysWereReadIsCheckedAgainstTheFreshKeys() throws Exception {
		String alias = unique("rotate");
		register(alias, Map.of("discoveryUrl", rig.middleUrl(alias) + "/.well-known/openid-configuration"));
		String subject = unique("sub-");
		Map<String, Object> claims = Map.of("email", subject + "@idp.example", "email_verified", true);
		rig.nextUser(alias, subject, claims);
		// the provider's keys are read, and kept, at the first sign-in
		assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(302);

		com.nimbusds.jose.jwk.RSAKey rotated = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
			.keyID(unique("rotated-")).generate();
		rig.tamper = body -> resigned(body, rotated);
		try {
			// signed with a key the provider has not published (yet): refused
			rig.nextUser(alias, subject, claims);
			assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(200);
			// published now: the unknown key id sends Gatehouse to read the keys again
			rig.extraKey = rotated.toPublicJWK().toJSONString();
			Thread.sleep(31_000); // Nimbus reads the keys again at most every 30 s
			rig.nextUser(alias, subject, claims);
			assertThat(signIn(new OidcProviderRig.Browser(), alias, null).statusCode()).isEqualTo(302);
		}
		finally {
			rig.tamper = java.util.function.UnaryOperator.identity();
			rig.extraKey = null;
		}
		assertThat(outcomes("oidc:" + alias + ":" + subject)).containsExactly("accepted", "accepted");
	}

	private static String resigned(String body, com.nimbusds.jose.jwk.RSAKey key) {
		return resigned(body, key, c -> c);
	}

	/** The token response with its ID token signed again, by {@code key}, its claims changed by {@code edit}. */
	private static String resigned(String body, com.nimbusds.jose.jwk.RSAKey key,
			java.util.function.UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> edit) {
		try {
			String token = body.replaceAll("(?s).*\"id_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			com.nimbusds.jwt.SignedJWT original = com.nimbusds.jwt.SignedJWT.parse(token);
			com.nimbusds.jwt.SignedJWT again = new com.nimbusds.jwt.SignedJWT(
					new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID())
						.type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
					edit.apply(new com.nimbusds.jwt.JWTClaimsSet.Builder(original.getJWTClaimsSet())).build());
			again.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
			return body.replace(token, again.serialize());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theStartOfAnUnknownOrDisabledProviderLeadsBackToTheSignInPage() {
		String alias = unique("off");
		String id = register(alias, Map.of());
		admin().post().uri("/api/v1/identity-providers/" + id + "/disable").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.enabled").isEqualTo(false);
		for (String name : List.of(alias, "no-such-provider")) {
			HttpResponse<String> answer = new OidcProviderRig.Browser().get(base() + "/sso/oidc/start/" + name);
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(OidcProviderRig.Browser.location(answer)).endsWith("/console/sign-in");
		}
		assertThat(anonymous().get().uri("/console/sign-in").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).doesNotContain("/sso/oidc/start/" + alias);
	}

	@Test
	void underSsoOnlyPasswordsAreRefusedButALocalSystemAdministratorBreaksGlassAudited() {
		Map<String, Object> user = createUser(unique("pw"));
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("signInMode", "external")).exchange().expectStatus().isOk();
		try {
			anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("login", user.get("username"), "password", PASSWORD)).exchange()
				.expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("invalid-credentials");
			assertThat(outcomes((String) user.get("username"))).containsExactly("password-sign-in-disabled");
			int before = breakGlassEvents();
			signIn(ADMIN, ADMIN_PASSWORD);
			assertThat(breakGlassEvents()).isEqualTo(before + 1);
			assertThat(anonymous().get().uri("/console/sign-in").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody())
				.doesNotContain("name=\"password\"").contains("/console/sign-in?local");
			assertThat(anonymous().get().uri("/console/sign-in?local").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody()).contains("name=\"password\"");
		}
		finally {
			Map<String, Object> reset = new HashMap<>();
			reset.put("signInMode", null);
			admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(reset)
				.exchange().expectStatus().isOk();
		}
	}

	@Test
	void theConsolePageThatFinishesASignInSignsNobodyInByItself() {
		List<String> cookies = anonymous().get().uri("/console/sign-in/provider").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		assertThat(cookies).noneMatch(cookie -> cookie.startsWith("GATEHOUSE_SESSION="));
	}

	private int breakGlassEvents() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'sign-in.break-glass'").query(Integer.class)
			.single();
	}

	private interface UnaryOperatorIdentity extends java.util.function.UnaryOperator<String> {

		UnaryOperatorIdentity NONE = url -> url;
	}

	/** Registers a provider of the rig as the administrator, with these settings over the usual ones; its id. */
	private String register(String alias, Map<String, Object> settings) {
		Map<String, Object> body = new HashMap<>(Map.of("alias", alias, "displayName", "Test " + alias, "issuer",
				rig.issuer(alias), "clientId", "gatehouse", "clientSecret", "s3cret-" + alias));
		body.putAll(settings);
		Map<String, Object> made = admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		assertThat(made).containsEntry("clientSecretSet", true).doesNotContainKey("clientSecret");
		return (String) made.get("id");
	}

	/** The whole round trip; the answer of Gatehouse's callback. */
	private HttpResponse<String> signIn(OidcProviderRig.Browser browser, String alias, String next) {
		return browser.get(callbackFromProvider(browser, alias, next, UnaryOperatorIdentity.NONE));
	}

	/** Starts at Gatehouse, goes through the provider's authorization (its URL changed by {@code edit}); the callback. */
	private String callbackFromProvider(OidcProviderRig.Browser browser, String alias, String next,
			java.util.function.UnaryOperator<String> edit) {
		String start = base() + "/sso/oidc/start/" + alias + (next == null ? "" : "?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
		String authorize = OidcProviderRig.Browser.location(browser.get(start));
		Map<String, String> query = query(authorize);
		assertThat(query).containsKeys("state", "nonce", "code_challenge").containsEntry("code_challenge_method", "S256");
		String callback = OidcProviderRig.Browser.location(browser.get(edit.apply(authorize)));
		assertThat(callback).startsWith(base() + "/sso/oidc/callback/" + alias + "?");
		return callback;
	}

	private static Map<String, String> query(String url) {
		Map<String, String> query = new HashMap<>();
		for (String pair : URLDecoder.decode(url.substring(url.indexOf('?') + 1), StandardCharsets.UTF_8).split("&")) {
			int eq = pair.indexOf('=');
			query.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return query;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private int bindings(UUID userId, UUID roleId) {
		return jdbc.sql("SELECT COUNT(*) FROM access_binding WHERE principal_id = ? AND role_id = ?")
			.params(userId, roleId).query(Integer.class).single();
	}

	private List<String> outcomes(String login) {
		return new ArrayList<>(jdbc.sql("SELECT outcome FROM auth_sign_in WHERE login = ? ORDER BY occurred_at")
			.param(login).query(String.class).list());
	}
}
