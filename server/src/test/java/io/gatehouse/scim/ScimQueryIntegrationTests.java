package io.gatehouse.scim;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters (in SQL), sorting, paging, attribute selection and POST /.search over users made for each test. */
class ScimQueryIntegrationTests extends ScimTestSupport {

	private RestTestClient scim;

	private String tag;

	@BeforeEach
	void threeUsers() {
		scim = scim();
		tag = unique("q").toLowerCase();
		for (String[] person : List.of(new String[] { "anna", "Zeta", "Sales" }, new String[] { "bert", "Alpha", "Sales" },
				new String[] { "cleo", "Mid", "Legal" })) {
			String email = tag + "-" + person[0] + "@example.com";
			send(scim, "POST", "/scim/v2/Users", """
					{"userName":"%s","emails":[{"value":"%s"}],"name":{"givenName":"%s","familyName":"%s"},
					 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"%s","employeeNumber":"%s"}}"""
				.formatted(email, email, person[0], person[1], person[2], tag + person[0]), 201);
		}
	}

	@Test
	void everyOperatorAndCombination() {
		assertThat(names("userName sw \"" + tag + "\"")).containsExactly("anna", "bert", "cleo");
		assertThat(names("userName sw \"" + tag + "\" and name.familyName eq \"alpha\"")).containsExactly("bert");
		assertThat(names("userName sw \"" + tag + "\" and not (name.givenName eq \"anna\")")).containsExactly("bert", "cleo");
		assertThat(names("userName sw \"" + tag + "\" and (name.givenName co \"nn\" or name.givenName ew \"eo\")"))
			.containsExactly("anna", "cleo");
		assertThat(names("emails[type eq \"work\" and value sw \"" + tag + "-b\"]")).containsExactly("bert");
		assertThat(names("userName sw \"" + tag + "\" and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Legal\""))
			.containsExactly("cleo");
		assertThat(names("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"" + tag + "anna\""))
			.containsExactly("anna");
		assertThat(names("userName sw \"" + tag + "\" and name.givenName gt \"b\" and name.givenName le \"cleo\""))
			.containsExactly("bert", "cleo");
		assertThat(names("userName sw \"" + tag + "\" and meta.created gt \"2000-01-01T00:00:00Z\" and active eq true"))
			.containsExactly("anna", "bert", "cleo");
		assertThat(names("userName sw \"" + tag + "\" and (active eq false or name.givenName pr)")).hasSize(3);
	}

	@Test
	void userNameEqualsFindsTheScimUserNameOrElseTheUsername() {
		// the SCIM userName here is an email, kept beside the account: it answers, the username inferred from it not
		assertThat(names("userName eq \"" + tag.toUpperCase() + "-BERT@example.com\"")).containsExactly("bert");
		assertThat(names("userName eq \"" + tag + "-bert\"")).isEmpty();
		assertThat(names("userName sw \"" + tag + "\" and not (userName eq \"" + tag + "-anna@example.com\")"))
			.containsExactly("bert", "cleo");
		// an account without a SCIM userName answers to its username
		assertThat(resources(get(scim, "/scim/v2/Users?filter=userName eq \"ADMIN\"")))
			.extracting(user -> user.get("userName"))
			.containsExactly("admin");
	}

	@Test
	void sortPageAndSelectAttributes() {
		Map<String, Object> page = get(scim, "/scim/v2/Users?filter=userName sw \"" + tag
				+ "\"&sortBy=name.familyName&sortOrder=descending&startIndex=2&count=1&attributes=userName,name.givenName");
		assertThat(page).containsEntry("totalResults", 3).containsEntry("startIndex", 2).containsEntry("itemsPerPage", 1);
		Map<String, Object> only = resources(page).get(0);
		assertThat(only.keySet()).containsExactlyInAnyOrder("schemas", "id", "userName", "name");
		assertThat(only.get("name")).isEqualTo(Map.of("givenName", "cleo"));
		Map<String, Object> excluded = resources(get(scim, "/scim/v2/Users?filter=userName sw \"" + tag
				+ "\"&excludedAttributes=emails,meta&count=1")).get(0);
		assertThat(excluded).doesNotContainKeys("emails", "meta").containsKey("userName");
	}

	@Test
	void searchByPost() {
		Map<String, Object> found = send(scim, "POST", "/scim/v2/Users/.search", """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \\"%s\\"",
				 "sortBy":"userName","sortOrder":"ascending","startIndex":1,"count":2,"attributes":["userName"]}"""
			.formatted(tag), 200);
		assertThat(found).containsEntry("totalResults", 3).containsEntry("itemsPerPage", 2);
		assertThat(resources(found).get(0).keySet()).containsExactlyInAnyOrder("schemas", "id", "userName");
	}

	@SuppressWarnings("unchecked")
	private List<String> names(String filter) {
		Map<String, Object> list = get(scim, "/scim/v2/Users?sortBy=userName&count=50&filter=" + filter.replace("{", "%7B"));
		return resources(list).stream()
			.map(user -> (String) ((Map<String, Object>) user.get("name")).get("givenName"))
			.toList();
	}
}
