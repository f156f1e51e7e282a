package io.gatehouse.console.users;

import java.util.List;
import java.util.UUID;

/**
 * The Add people form: the typed list, and the roles ({@code roleId:resourceId}) and groups every new account gets.
 */
record AddPeopleForm(String people, List<String> bindings, List<UUID> groups) {

	AddPeopleForm {
		bindings = bindings == null ? List.of() : bindings;
		groups = groups == null ? List.of() : groups;
	}

	static AddPeopleForm blank() {
		return new AddPeopleForm("", List.of(), List.of());
	}

	public boolean hasRole(String value) {
		return bindings.contains(value);
	}

	public boolean inGroup(UUID group) {
		return groups.contains(group);
	}
}
