package io.gatehouse.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GroupProfileTests {

	@ParameterizedTest
	@ValueSource(strings = { "projects:create", "projects:read", "billing:update", "invoices:delete", "users:delete" })
	void theDefaultProfileGrantsCrudInEveryArea(String permission) {
		assertThat(GroupProfile.defaultProfile().grants(Permission.parse(permission))).isTrue();
	}

	@Test
	void theDefaultProfileGrantsNoAreaSpecificAction() {
		GroupProfile profile = GroupProfile.defaultProfile();
		assertThat(profile.globalActions()).isEqualTo(Actions.CRUD);
		assertThat(profile.isGranular()).isFalse();
		assertThat(profile.grants(Permission.parse("billing:refund"))).isFalse();
	}

	@Test
	void globalActionsCanBeNarrowed() {
		GroupProfile readOnly = new GroupProfile(Set.of("read"), Map.of());
		assertThat(readOnly.grants(Permission.parse("projects:read"))).isTrue();
		assertThat(readOnly.grants(Permission.parse("projects:update"))).isFalse();
		assertThat(new GroupProfile(null, null).grants(Permission.parse("projects:read"))).isFalse();
	}

	@Test
	void oneGranularEntryNullifiesTheGlobalActions() {
		GroupProfile profile = new GroupProfile(Actions.CRUD, Map.of("billing", Set.of("read")));
		assertThat(profile.isGranular()).isTrue();
		assertThat(profile.grants(Permission.parse("billing:read"))).isTrue();
		assertThat(profile.grants(Permission.parse("billing:update"))).isFalse();
		assertThat(profile.grants(Permission.parse("projects:read"))).isFalse();
	}

	@Test
	void granularEntriesGrantTheirOwnActionsIncludingAreaSpecificOnes() {
		GroupProfile profile = new GroupProfile(Set.of(),
				Map.of("billing", Set.of("read", "refund"), "projects", Set.of("create", "read")));
		assertThat(profile.grants(Permission.parse("billing:refund"))).isTrue();
		assertThat(profile.grants(Permission.parse("projects:create"))).isTrue();
		assertThat(profile.grants(Permission.parse("projects:delete"))).isFalse();
		assertThat(profile.grants(Permission.parse("invoices:read"))).isFalse();
	}

	@Test
	void anEntryWithNoActionsStillSwitchesTheGlobalsOff() {
		Map<String, Set<String>> granular = new HashMap<>();
		granular.put("billing", null);
		GroupProfile profile = new GroupProfile(Actions.CRUD, granular);
		assertThat(profile.granular()).containsEntry("billing", Set.of());
		assertThat(profile.grants(Permission.parse("billing:read"))).isFalse();
		assertThat(profile.grants(Permission.parse("projects:read"))).isFalse();
	}

	@Test
	void isACopyOfWhatItWasGiven() {
		Set<String> actions = new HashSet<>(Set.of("read"));
		Map<String, Set<String>> granular = new HashMap<>(Map.of("billing", actions));
		GroupProfile profile = new GroupProfile(actions, granular);
		actions.add("update");
		granular.put("projects", Set.of("read"));
		assertThat(profile.grants(Permission.parse("billing:update"))).isFalse();
		assertThat(profile.grants(Permission.parse("projects:read"))).isFalse();
	}

	@Test
	void refusesMalformedAreasAndActions() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupProfile(Set.of("Read"), Map.of()))
			.withMessageContaining("action 'Read'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupProfile(Set.of(), Map.of("billing:x", Set.of("read"))))
			.withMessageContaining("area 'billing:x'");
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupProfile(Set.of(), Map.of("billing", Set.of("*"))));
	}
}
