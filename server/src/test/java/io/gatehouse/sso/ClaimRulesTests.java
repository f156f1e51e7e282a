package io.gatehouse.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How claims are read and matched, and the shape rules of a provider's fields. */
class ClaimRulesTests {

	private static final Map<String, Object> CLAIMS = Map.of("groups", List.of("staff", "ops"), "dept", "Sales",
			"realm_access", Map.of("roles", List.of("auditor")), "https://acme.example/roles", List.of("admin"),
			"amr", List.of("pwd", "otp"), "email_verified", "true", "n", 7);

	@Test
	void aListClaimMatchesWhenItHoldsTheValueAnyOtherWhenItEqualsIt() {
		assertThat(ClaimValues.holds(CLAIMS, "groups", "ops")).isTrue();
		assertThat(ClaimValues.holds(CLAIMS, "groups", "op")).isFalse();
		assertThat(ClaimValues.holds(CLAIMS, "dept", "Sales")).isTrue();
		assertThat(ClaimValues.holds(CLAIMS, "dept", "sales")).isFalse();
		assertThat(ClaimValues.holds(CLAIMS, "n", "7")).isTrue();
		assertThat(ClaimValues.holds(CLAIMS, "missing", "x")).isFalse();
		// a nested object never equals a value
		assertThat(ClaimValues.holds(CLAIMS, "realm_access", "{roles=[auditor]}")).isFalse();
	}

	@Test
	void aDottedNameReachesIntoNestedClaimsUnlessAClaimHasTheWholeName() {
		assertThat(ClaimValues.holds(CLAIMS, "realm_access.roles", "auditor")).isTrue();
		assertThat(ClaimValues.holds(CLAIMS, "https://acme.example/roles", "admin")).isTrue();
		assertThat(ClaimValues.holds(CLAIMS, "realm_access.roles.deeper", "auditor")).isFalse();
	}

	@Test
	void onlyASecondFactorMethodInAmrCounts() {
		assertThat(ClaimValues.provesSecondFactor(CLAIMS)).isTrue();
		assertThat(ClaimValues.provesSecondFactor(Map.of("amr", List.of("pwd")))).isFalse();
		assertThat(ClaimValues.provesSecondFactor(Map.of("amr", "mfa"))).isFalse();
		assertThat(ClaimValues.provesSecondFactor(Map.of())).isFalse();
	}

	@Test
	void urlsAreHttpsOrHttpToThisMachineWithoutQueryFragmentOrUser() {
		assertThat(urlViolations("https://idp.example/realms/acme")).isEmpty();
		assertThat(urlViolations("http://localhost:8180/realms/acme")).isEmpty();
		assertThat(urlViolations("http://127.0.0.1:8180/x")).isEmpty();
		for (String bad : List.of("http://idp.example/", "ftp://idp.example", "https://idp.example/?a=b",
				"https://idp.example/#x", "https://user@idp.example/", "not a url", "https:///path")) {
			assertThat(urlViolations(bad)).as(bad).extracting(FieldViolation::rule).containsExactly("url");
		}
	}

	@Test
	void scopesMustIncludeOpenidAndBeTokens() {
		List<FieldViolation> violations = new ArrayList<>();
		assertThat(ProviderRules.scopes(null, violations)).containsExactly("openid", "profile", "email");
		assertThat(ProviderRules.scopes(List.of("openid", "groups", "openid"), violations)).containsExactly("openid",
				"groups");
		assertThat(violations).isEmpty();
		ProviderRules.scopes(List.of("profile", "bad scope"), violations);
		assertThat(violations).extracting(FieldViolation::field).containsExactly("scopes[1]", "scopes");
	}

	@Test
	void aMappingGivesExactlyOneOfAGroupAndARole() {
		UUID id = UUID.randomUUID();
		assertThat(mappingViolations(new ClaimMapping("groups", "ops", id, null, null))).isEmpty();
		assertThat(mappingViolations(new ClaimMapping("groups", "ops", null, id, id))).isEmpty();
		assertThat(mappingViolations(new ClaimMapping("groups", "ops", id, id, null))).containsExactly("one-of");
		assertThat(mappingViolations(new ClaimMapping("groups", "ops", null, null, null))).containsExactly("one-of");
		assertThat(mappingViolations(new ClaimMapping("groups", "ops", id, null, id))).containsExactly("with-role");
		assertThat(mappingViolations(new ClaimMapping("gr oups", "", null, id, null))).containsExactly("pattern",
				"length");
	}

	private static List<FieldViolation> urlViolations(String url) {
		List<FieldViolation> violations = new ArrayList<>();
		ProviderRules.checkUrl("issuer", url, true, violations);
		return violations;
	}

	private static List<String> mappingViolations(ClaimMapping mapping) {
		List<FieldViolation> violations = new ArrayList<>();
		ProviderRules.checkMapping(0, mapping, violations);
		return violations.stream().map(FieldViolation::rule).toList();
	}
}
