package io.gatehouse.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups with members, in the shapes Okta and Entra ID send them. */
class ScimGroupsIntegrationTests extends ScimTestSupport {

	private RestTestClient scim;

	private String ada;

	private String bob;

	private String cyd;

	@BeforeEach
	void threeUsers() {
		scim = scim();
		ada = (String) send(scim, "POST", "/scim/v2/Users", oktaUser(email("ada")), 201).get("id");
		bob = (String) send(scim, "POST", "/scim/v2/Users", oktaUser(email("bob")), 201).get("id");
		cyd = (String) send(scim, "POST", "/scim/v2/Users", oktaUser(email("cyd")), 201).get("id");
	}

	@Test
	void oktaLooksUpByDisplayNameCreatesRenamesAndRemovesAMemberByValueFilter() {
		String name = unique("Engineering ");
		assertThat(get(scim, "/scim/v2/Groups?filter=displayName eq \"" + name + "\"&startIndex=1&count=100"))
			.containsEntry("totalResults", 0);
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
				 "members":[{"value":"%s","display":"ada"},{"value":"%s"}]}""".formatted(name, ada, bob), 201);
		assertThat(members(made)).containsExactlyInAnyOrder(ada, bob);
		assertThat(resources(get(scim, "/scim/v2/Groups?filter=displayName eq \"" + name.toUpperCase() + "\"")))
			.extracting(group -> group.get("id")).containsExactly(made.get("id"));
		String renamed = unique("Platform ");
		Map<String, Object> patched = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"), patch(
				"[{\"op\":\"replace\",\"value\":{\"id\":\"" + made.get("id") + "\",\"displayName\":\"" + renamed + "\"}}]"), 200);
		assertThat(patched).containsEntry("displayName", renamed);
		assertThat(members(patched)).containsExactlyInAnyOrder(ada, bob);
		patched = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"), patch(
				"[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"},"
						+ "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cyd + "\"}]}]"), 200);
		assertThat(members(patched)).containsExactlyInAnyOrder(bob, cyd);
		assertThat(get(scim, "/scim/v2/Groups/" + made.get("id"))).isEqualTo(patched);
	}

	@Test
	void aClientDoesNotChangeTheGroupsOfASystemAdministrator() {
		String plain = (String) send(scim, "POST", "/scim/v2/Groups",
				"{\"displayName\":\"" + unique("Plain ") + "\"}", 201).get("id");
		String adminId = (String) resources(get(scim, "/scim/v2/Users?filter=userName eq \"" + ADMIN + "\"")).get(0)
			.get("id");
		assertScimError(send(scim, "PATCH", "/scim/v2/Groups/" + plain,
				patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + adminId + "\"}]}]"), 403),
				"403", null);
		assertThat(get(scim, "/scim/v2/Groups/" + plain).getOrDefault("members", List.of()))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
		// nor takes one out of a group an administrator put them in
		admin().post().uri("/api/v1/groups/{id}/members", plain).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", adminId)).exchange().expectStatus().is2xxSuccessful();
		assertScimError(send(scim, "PUT", "/scim/v2/Groups/" + plain,
				"{\"displayName\":\"" + get(scim, "/scim/v2/Groups/" + plain).get("displayName") + "\",\"members\":[]}", 403),
				"403", null);
		assertThat(members(get(scim, "/scim/v2/Groups/" + plain))).containsExactly(adminId);
	}

	@Test
	void entraRemovesOnlyTheMembersListedAndFetchesGroupsWithoutMembers() {
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1","displayName":"%s",
				 "members":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}""".formatted(unique("Sales "), ada, bob, cyd), 201);
		Map<String, Object> patched = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"), patch(
				"[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"},{\"value\":\"" + cyd + "\"}]}]"), 200);
		assertThat(members(patched)).containsExactly(bob);
		assertThat(patched).containsEntry("externalId", "8aa1");
		Map<String, Object> listed = resources(get(scim, "/scim/v2/Groups?excludedAttributes=members&filter=id eq \""
				+ made.get("id") + "\"")).get(0);
		assertThat(listed).doesNotContainKey("members").containsEntry("displayName", made.get("displayName"));
		assertThat(get(scim, "/scim/v2/Groups/" + made.get("id") + "?excludedAttributes=members"))
			.doesNotContainKey("members");
	}

	@Test
	void entraNoOpPatchAndPutAndDelete() {
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Groups", """
				{"displayName":"%s","members":[{"value":"%s"}]}""".formatted(unique("Ops "), ada), 201);
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_id = ?").param(made.get("id"))
			.query(Long.class).single();
		Map<String, Object> same = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"), patch(
				"[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}]"), 200);
		assertThat(same).isEqualTo(made);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_id = ?").param(made.get("id"))
			.query(Long.class).single()).isEqualTo(audited);
		Map<String, Object> replaced = send(scim, "PUT", "/scim/v2/Groups/" + made.get("id"), """
				{"displayName":"%s","members":[{"value":"%s"},{"value":"%s"}]}""".formatted(made.get("displayName"), bob, cyd), 200);
		assertThat(members(replaced)).containsExactlyInAnyOrder(bob, cyd);
		send(scim, "DELETE", "/scim/v2/Groups/" + made.get("id"), null, 204);
		send(scim, "GET", "/scim/v2/Groups/" + made.get("id"), null, 404);
		send(scim, "GET", "/scim/v2/Groups/" + UUID.randomUUID(), null, 404);
	}

	@Test
	void underExternalAuthorizationScimStillSetsMembershipsAndPeopleDoNot() {
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Groups", """
				{"displayName":"%s","members":[{"value":"%s"}]}""".formatted(unique("External "), ada), 201);
		authorization("external");
		try {
			Map<String, Object> patched = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"), patch(
					"[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]"), 200);
			assertThat(members(patched)).containsExactlyInAnyOrder(ada, bob);
			admin().post().uri("/api/v1/groups/{id}/members", made.get("id"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Map.of("userId", cyd))
				.exchange().expectStatus().isEqualTo(409);
		}
		finally {
			authorization("local");
		}
	}

	@Test
	void externalIdIsKeptReturnedAndFilterable() {
		String externalId = unique("entra-group-");
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Groups", """
				{"externalId":"%s","displayName":"%s"}""".formatted(externalId, unique("Finance ")), 201);
		assertThat(made).containsEntry("externalId", externalId);
		assertThat(get(scim, "/scim/v2/Groups/" + made.get("id"))).isEqualTo(made);
		assertThat(ids(list("externalId eq \"" + externalId + "\""))).containsExactly(made.get("id"));
		assertThat(ids(list("externalId eq \"" + externalId.toUpperCase() + "\""))).isEmpty();
		Map<String, Object> patched = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"),
				patch("[{\"op\":\"Replace\",\"path\":\"externalId\",\"value\":\"" + externalId + "-2\"}]"), 200);
		assertThat(patched).containsEntry("externalId", externalId + "-2");
		assertThat(patched.get("meta")).extracting("version").isNotEqualTo(((Map<?, ?>) made.get("meta")).get("version"));
		Map<String, Object> replaced = send(scim, "PUT", "/scim/v2/Groups/" + made.get("id"),
				"{\"displayName\":\"" + made.get("displayName") + "\"}", 200);
		assertThat(replaced).doesNotContainKey("externalId");
		assertThat(ids(list("externalId eq \"" + externalId + "-2\""))).isEmpty();
		// set, changed, removed: each in the audit log as a change of the group, under the client's name
		assertThat(jdbc.sql("SELECT actor_username FROM audit_event WHERE target_id = ? AND action = 'group.updated'")
			.param(made.get("id")).query(String.class).list()).hasSize(3)
			.allSatisfy(actor -> assertThat(actor).endsWith("(SCIM client)"));
	}

	@Test
	void aStaleIfMatchRefusesEveryWriteOfAGroup() {
		Map<String, Object> made = send(scim, "POST", "/scim/v2/Groups", """
				{"displayName":"%s","members":[{"value":"%s"}]}""".formatted(unique("Versioned "), ada), 201);
		String stale = (String) ((Map<?, ?>) made.get("meta")).get("version");
		Map<String, Object> added = send(scim, "PATCH", "/scim/v2/Groups/" + made.get("id"),
				patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]"), 200);
		assertThat(((Map<?, ?>) added.get("meta")).get("version")).isNotEqualTo(stale);
		String path = "/scim/v2/Groups/" + made.get("id");
		scim.patch().uri(path).header("If-Match", stale).contentType(SCIM)
			.body(patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cyd + "\"}]}]"))
			.exchange().expectStatus().isEqualTo(412);
		scim.put().uri(path).header("If-Match", stale).contentType(SCIM)
			.body("{\"displayName\":\"" + made.get("displayName") + "\"}").exchange().expectStatus().isEqualTo(412);
		scim.delete().uri(path).header("If-Match", stale).exchange().expectStatus().isEqualTo(412);
		assertThat(get(scim, path)).isEqualTo(added);
		scim.put().uri(path).header("If-Match", (String) ((Map<?, ?>) added.get("meta")).get("version")).contentType(SCIM)
			.body("{\"displayName\":\"" + made.get("displayName") + "\"}").exchange().expectStatus().isOk();
		scim.delete().uri(path).header("If-Match", "*").exchange().expectStatus().isNoContent();
	}

	@Test
	void groupsAreFilteredByTheirMembers() {
		String prefix = unique("Members ");
		Object withAda = send(scim, "POST", "/scim/v2/Groups", """
				{"displayName":"%s A","members":[{"value":"%s"},{"value":"%s"}]}""".formatted(prefix, ada, cyd), 201).get("id");
		Object withBob = send(scim, "POST", "/scim/v2/Groups", """
				{"displayName":"%s B","members":[{"value":"%s"},{"value":"%s"}]}""".formatted(prefix, bob, cyd), 201).get("id");
		Object empty = send(scim, "POST", "/scim/v2/Groups", "{\"displayName\":\"" + prefix + " C\"}", 201).get("id");
		String ours = "displayName sw \"" + prefix + "\" and ";
		assertThat(ids(list(ours + "members[value eq \"" + ada + "\"]"))).containsExactly(withAda);
		assertThat(ids(list(ours + "members.value eq \"" + bob + "\""))).containsExactly(withBob);
		assertThat(ids(list(ours + "members eq \"" + cyd + "\""))).containsExactly(withAda, withBob);
		assertThat(ids(list(ours + "(members[value eq \"" + ada + "\" or value eq \"" + bob + "\"])")))
			.containsExactly(withAda, withBob);
		assertThat(ids(list(ours + "members.value ne \"" + ada + "\""))).containsExactly(withBob, empty);
		assertThat(ids(list(ours + "not (members pr)"))).containsExactly(empty);
		assertThat(ids(list(ours + "members.value eq \"" + UUID.randomUUID() + "\""))).isEmpty();
		assertThat(ids(list(ours + "members.value eq \"not-an-id\""))).isEmpty();
	}

	private Map<String, Object> list(String filter) {
		return scim.get().uri("/scim/v2/Groups?sortBy=displayName&filter={f}", filter).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
	}

	private static List<Object> ids(Map<String, Object> list) {
		return resources(list).stream().map(group -> group.get("id")).toList();
	}

	private void authorization(String mode) {
		admin().patch().uri("/api/v1/settings").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("authorizationMode", mode)).exchange().expectStatus().isOk();
	}

	@Test
	void badGroupInput() {
		assertScimError(send(scim, "POST", "/scim/v2/Groups", "{\"members\":[]}", 400), "400", "invalidValue");
		assertScimError(send(scim, "POST", "/scim/v2/Groups", "{\"displayName\":\"x\",\"members\":[{\"value\":\""
				+ UUID.randomUUID() + "\"}]}", 400), "400", "invalidValue");
		assertScimError(send(scim, "POST", "/scim/v2/Groups", "{\"displayName\":\"x\",\"owner\":1}", 400), "400", null);
		assertScimError(send(scim, "GET", "/scim/v2/Groups?filter=members.display eq \"x\"", null, 400), "400", "invalidFilter");
		assertScimError(send(scim, "GET", "/scim/v2/Groups?filter=members.value co \"x\"", null, 400), "400", "invalidFilter");
		assertScimError(send(scim, "GET", "/scim/v2/Groups?sortBy=members", null, 400), "400", "invalidFilter");
		assertScimError(send(scim, "POST", "/scim/v2/Groups", "{\"displayName\":\"x\",\"externalId\":7}", 400), "400",
				"invalidValue");
	}

	private static List<String> members(Map<String, Object> group) {
		List<Map<String, Object>> members = (List<Map<String, Object>>) (Object) assertThat(group.get("members"))
			.asInstanceOf(InstanceOfAssertFactories.LIST).actual();
		return members.stream().map(member -> (String) member.get("value")).toList();
	}
}
