package io.gatehouse.sso;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through a SAML 2.0 identity provider, end to end as a browser does it: Gatehouse redirects to the
 * provider with a signed AuthnRequest, the provider's page posts its signed Response to the Assertion Consumer
 * Service, and the person comes out with Gatehouse's own session; or the answer is refused, and the reason recorded.
 */
class SamlSignInIntegrationTests extends ApiIntegrationTest {

	private static final SamlIdentityProviderRig idp = new SamlIdentityProviderRig();

	@Test
	void aFirstSignInMakesTheAccountJustInTimeWithMappedRolesAndLandsOnTheDeepLink() throws Exception {
		String alias = unique("saml");
		register(alias, Map.of("mappings", List.of(
				Map.of("claim", "groups", "value", "gh-editors", "roleId", BuiltInRoles.EDITOR.toString()))));
		String spMetadata = anonymous().get().uri("/sso/saml/metadata/" + alias).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(spMetadata).contains("entityID=\"" + base() + "/sso/saml/metadata/" + alias + "\"")
			.contains("Location=\"" + base() + "/sso/saml/acs/" + alias + "\"")
			.contains("X509Certificate");
		String nameId = unique("n-");
		String email = nameId + "@idp.example";

		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		HttpResponse<String> landed = signIn(browser, alias, "/console/users?q=x", nameId,
				Map.of("mail", List.of(email), "givenName", List.of("Grace"), "sn", List.of("Hopper"),
						"groups", List.of("staff", "gh-editors")),
				answer -> {
				});

		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(OidcProviderRig.Browser.location(landed)).endsWith("/console/users?q=x");
		String session = browser.cookie("GATEHOUSE_SESSION");
		assertThat(session).isNotBlank();
		Map<String, Object> me = anonymous().get().uri("/api/v1/me")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session)
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(me).containsEntry("email", email).containsEntry("firstName", "Grace").containsEntry("source", "saml");
		UUID userId = UUID.fromString((String) me.get("id"));
		assertThat(bindings(userId, BuiltInRoles.EDITOR)).isEqualTo(1);
		assertThat(outcomes("saml:" + alias + ":" + nameId)).containsExactly("accepted");

		// the next sign-in finds the same account by (provider, NameID)
		signIn(new OidcProviderRig.Browser(), alias, null, nameId, Map.of("mail", List.of(email)), answer -> {
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sso_identity WHERE subject = ?").param(nameId).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(outcomes("saml:" + alias + ":" + nameId)).containsExactly("accepted", "accepted");
	}

	@Test
	void anUnsignedOrTamperedAssertionIsRefused() throws Exception {
		String alias = unique("sig");
		register(alias, Map.of());
		refused(alias, answer -> answer.signAssertion = false);
		refused(alias, answer -> answer.tamper = xml -> xml.replace(answer.nameId, "someone-else"));
		assertThat(outcomes("saml:" + alias)).containsExactly("saml-invalid", "saml-invalid");
	}

	/** A second, unsigned assertion next to the signed one: the person it names must not get in. */
	@Test
	void aSignatureWrappingAssertionIsRefused() throws Exception {
		String alias = unique("wrap");
		register(alias, Map.of());
		String victim = unique("admin-");
		refused(alias, answer -> answer.wrappedNameId = victim);
		assertThat(outcomes("saml:" + alias)).containsExactly("saml-invalid");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sso_identity WHERE subject = ?").param(victim).query(Integer.class)
			.single()).isZero();
	}

	/**
	 * A comment put inside a signed NameID leaves the signature valid (canonicalization drops comments): the subject
	 * must still be the whole NameID the provider signed, never the text before the comment.
	 */
	@Test
	void aCommentInsideTheNameIdDoesNotShortenTheSubject() throws Exception {
		String alias = unique("cmt");
		register(alias, Map.of());
		String victim = unique("victim-");
		String signed = victim + ".attacker";
		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		signIn(browser, alias, null, signed, Map.of("mail", List.of(signed + "@idp.example")),
				answer -> answer.tamper = xml -> {
					assertThat(xml).contains(">" + signed + "<");
					return xml.replace(">" + signed + "<", ">" + victim + "<!---->.attacker<");
				});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sso_identity WHERE subject = ?").param(victim).query(Integer.class)
			.single()).isZero();
		assertThat(outcomes("saml:" + alias + ":" + victim)).isEmpty();
		assertThat(outcomes("saml:" + alias + ":" + signed)).containsExactly("accepted");
	}

	@Test
	void anAssertionForAnotherAudienceOrRecipientOrExpiredIsRefused() throws Exception {
		String alias = unique("aud");
		register(alias, Map.of());
		refused(alias, answer -> answer.audience = "https://another-service.example/saml");
		refused(alias, answer -> answer.recipient = "https://another-service.example/acs");
		refused(alias, answer -> answer.destination = "https://another-service.example/acs");
		refused(alias, answer -> {
			answer.notBefore = Instant.now().minus(Duration.ofMinutes(30));
			answer.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(10));
		});
		refused(alias, answer -> answer.notBefore = Instant.now().plus(Duration.ofMinutes(10)));
		assertThat(outcomes("saml:" + alias)).hasSize(5).allMatch("saml-invalid"::equals);
	}

	@Test
	void anAnswerToAnotherRequestOrFromAnotherBrowserOrSentTwiceIsRefused() throws Exception {
		String alias = unique("replay");
		register(alias, Map.of());
		refused(alias, answer -> answer.inResponseTo = "_" + UUID.randomUUID());

		// the answer the victim's browser would post, brought by another browser (login CSRF)
		OidcProviderRig.Browser victim = new OidcProviderRig.Browser();
		String nameId = unique("n-");
		String encoded = answerFor(victim, alias, nameId, answer -> {
		});
		OidcProviderRig.Browser attacker = new OidcProviderRig.Browser();
		HttpResponse<String> stolen = attacker.post(base() + "/sso/saml/acs/" + alias, Map.of("SAMLResponse", encoded));
		assertThat(stolen.statusCode()).isEqualTo(200);
		assertThat(attacker.cookie("GATEHOUSE_SESSION")).isNull();

		HttpResponse<String> accepted = victim.post(base() + "/sso/saml/acs/" + alias, Map.of("SAMLResponse", encoded));
		assertThat(accepted.statusCode()).isEqualTo(302);
		victim.forget("GATEHOUSE_SESSION");
		HttpResponse<String> replayed = victim.post(base() + "/sso/saml/acs/" + alias, Map.of("SAMLResponse", encoded));
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).contains("did not succeed");
		assertThat(victim.cookie("GATEHOUSE_SESSION")).isNull();
		assertThat(outcomes("saml:" + alias)).containsExactly("saml-request-unknown", "saml-request-unknown",
				"saml-request-unknown");
		assertThat(outcomes("saml:" + alias + ":" + nameId)).containsExactly("accepted");
	}

	/** An assertion id seen before is refused, even in an answer to a new request and signed anew. */
	@Test
	void theSameAssertionIsUsedOnceEvenInAnswerToAnotherRequest() throws Exception {
		String alias = unique("once");
		register(alias, Map.of());
		String assertionId = "_" + UUID.randomUUID();
		String nameId = unique("n-");
		HttpResponse<String> first = signIn(new OidcProviderRig.Browser(), alias, null, nameId, Map.of("mail", List.of(nameId + "@idp.example")),
				answer -> answer.assertionId = assertionId);
		assertThat(first.statusCode()).isEqualTo(302);
		refused(alias, answer -> answer.assertionId = assertionId);
		assertThat(outcomes("saml:" + alias)).containsExactly("saml-replayed");
	}

	@Test
	void registeringChecksTheMetadataAndTheFieldsThatAreForOidcOnly() {
		String alias = unique("bad");
		for (Map<String, Object> body : List.of(
				Map.<String, Object>of("protocol", "saml", "alias", alias, "displayName", "Bad"),
				Map.<String, Object>of("protocol", "saml", "alias", alias, "displayName", "Bad", "metadataXml",
						"<not-metadata/>"),
				Map.<String, Object>of("protocol", "saml", "alias", alias, "displayName", "Bad", "metadataXml",
						"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))) {
			admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON).body(body)
				.exchange().expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("metadataXml");
		}
		admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("protocol", "saml", "alias", alias, "displayName", "Bad", "metadataXml", idp.metadata(alias),
					"clientSecret", "x"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("clientSecret");
		admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("protocol", "ldap", "alias", alias, "displayName", "Bad"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("protocol");
	}

	@Test
	void aRegisteredProviderShowsItsEntityIdAndTheServiceProviderAddressesAndTestsItsMetadata() {
		String alias = unique("show");
		String id = register(alias, Map.of());
		admin().get().uri("/api/v1/identity-providers/" + id).exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.protocol").isEqualTo("saml")
			.jsonPath("$.issuer").isEqualTo(SamlIdentityProviderRig.entityId(alias))
			.jsonPath("$.signInPath").isEqualTo("/sso/saml/start/" + alias)
			.jsonPath("$.callbackPath").isEqualTo("/sso/saml/acs/" + alias)
			.jsonPath("$.serviceProviderMetadataPath").isEqualTo("/sso/saml/metadata/" + alias);
		admin().post().uri("/api/v1/identity-providers/" + id + "/test").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.issuer").isEqualTo(SamlIdentityProviderRig.entityId(alias))
			.jsonPath("$.authorizationEndpoint").isEqualTo(SamlIdentityProviderRig.SIGN_ON_URL);
		// the sign-in page offers it, and its start is the SAML one
		String page = anonymous().get().uri("/console/sign-in").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("/sso/saml/start/" + alias);
	}

	/** Signs in, expecting a refusal: no session, the sign-in page again. */
	private void refused(String alias, Consumer<SamlIdentityProviderRig.Answer> spoil) throws Exception {
		OidcProviderRig.Browser browser = new OidcProviderRig.Browser();
		String nameId = unique("n-");
		HttpResponse<String> answer = signIn(browser, alias, null, nameId, Map.of("mail", List.of(nameId + "@idp.example")),
				spoil);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("did not succeed");
		assertThat(browser.cookie("GATEHOUSE_SESSION")).isNull();
	}

	private HttpResponse<String> signIn(OidcProviderRig.Browser browser, String alias, String next, String nameId,
			Map<String, List<String>> attributes, Consumer<SamlIdentityProviderRig.Answer> spoil) throws Exception {
		String encoded = answerFor(browser, alias, nameId, attributes, next, spoil);
		return browser.post(base() + "/sso/saml/acs/" + alias, Map.of("SAMLResponse", encoded));
	}

	private String answerFor(OidcProviderRig.Browser browser, String alias, String nameId,
			Consumer<SamlIdentityProviderRig.Answer> spoil) throws Exception {
		return answerFor(browser, alias, nameId, Map.of("mail", List.of(nameId + "@idp.example")), null, spoil);
	}

	/** From Gatehouse's start to the provider, which reads the signed request and answers; the SAMLResponse. */
	private String answerFor(OidcProviderRig.Browser browser, String alias, String nameId,
			Map<String, List<String>> attributes, String next, Consumer<SamlIdentityProviderRig.Answer> spoil)
			throws Exception {
		String start = base() + "/sso/saml/start/" + alias
				+ (next == null ? "" : "?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
		String redirect = OidcProviderRig.Browser.location(browser.get(start));
		assertThat(redirect).startsWith(SamlIdentityProviderRig.SIGN_ON_URL + "?SAMLRequest=").contains("&Signature=");
		String spMetadata = browser.get(base() + "/sso/saml/metadata/" + alias).body();
		SamlIdentityProviderRig.Request request = SamlIdentityProviderRig.read(redirect, spMetadata);
		assertThat(request.acsUrl()).isEqualTo(base() + "/sso/saml/acs/" + alias);
		SamlIdentityProviderRig.Answer answer = idp.answer(alias, request, nameId, attributes);
		spoil.accept(answer);
		return answer.encoded();
	}

	/** Registers a SAML provider of the rig, by its pasted metadata, with these settings over the usual ones. */
	private String register(String alias, Map<String, Object> settings) {
		Map<String, Object> body = new HashMap<>(Map.of("protocol", "saml", "alias", alias, "displayName",
				"SAML " + alias, "metadataXml", idp.metadata(alias)));
		body.putAll(settings);
		Map<String, Object> made = admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange().expectBody(JSON).returnResult().getResponseBody();
		assertThat(made).containsKey("id");
		return (String) made.get("id");
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
