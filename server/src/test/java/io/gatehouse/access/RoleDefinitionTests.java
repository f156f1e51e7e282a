package io.gatehouse.access;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoleDefinitionTests {

	private final AreaCatalog areas = AreaCatalog.of(Stream.of("users:read", "users:update", "users:delete",
			"projects:create", "projects:read", "projects:update", "projects:delete", "projects:archive", "billing:read",
			"billing:refund", "billing-admin:read", "audit:read", "tokens:read").map(Permission::parse).toList(),
			Set.of("users", "audit", "tokens", "billing-admin"));

	@ParameterizedTest(name = "{0} grants {1}: {2}")
	@CsvSource({ "System Administrator, users:delete, true", "System Administrator, unheard-of:thing, false",
			"Admin, users:delete, true", "Admin, billing:refund, true", "Admin, unheard-of:thing, false",
			"Admin, projects:unheard-of, false",
			"Editor, projects:create, true", "Editor, projects:read, true", "Editor, projects:update, true",
			"Editor, projects:delete, true", "Editor, billing:refund, false", "Editor, users:update, false",
			"Editor, billing-admin:read, false", "Editor, unheard-of:read, false", "Viewer, projects:read, true",
			"Viewer, unheard-of:read, false",
			"Viewer, projects:update, false", "Viewer, audit:read, false", "Viewer, tokens:read, false",
			"No Access, projects:read, false", "No Access, users:read, false" })
	void builtInRolesGrantByTheirRule(String name, String permission, boolean granted) {
		RoleDefinition role = BuiltInRoles.all().stream().filter((r) -> r.name().equals(name)).findFirst().orElseThrow();
		assertThat(role.grants(Permission.parse(permission), areas)).isEqualTo(granted);
	}

	@Test
	void builtInRolesHaveFixedIdsAndNoPatterns() {
		assertThat(BuiltInRoles.all()).extracting(RoleDefinition::name)
			.containsExactly("System Administrator", "Admin", "Editor", "Viewer", "No Access");
		assertThat(BuiltInRoles.all()).allSatisfy((role) -> {
			assertThat(role.builtIn()).isTrue();
			assertThat(role.patterns()).isEmpty();
			assertThat(role.isInstanceWide()).isTrue();
			assertThat(BuiltInRoles.byId(role.id())).isSameAs(role);
			assertThat(BuiltInRoles.isBuiltIn(role.id())).isTrue();
		});
		assertThat(BuiltInRoles.byId(BuiltInRoles.EDITOR).name()).isEqualTo("Editor");
		assertThat(BuiltInRoles.EDITOR).isEqualTo(UUID.fromString("00000000-0000-0000-0000-0000000000a3"));
		UUID other = UUID.randomUUID();
		assertThat(BuiltInRoles.byId(other)).isNull();
		assertThat(BuiltInRoles.isBuiltIn(other)).isFalse();
		assertThat(BuiltInRoles.isBuiltIn(null)).isFalse();
	}

	@Test
	void customRolesGrantWhatTheirPatternsMatch() {
		RoleDefinition role = RoleDefinition.custom(UUID.randomUUID(), "Project Manager",
				Set.of(PermissionPattern.parse("projects:*"), PermissionPattern.parse("*:read")), null);
		assertThat(role.grants(Permission.parse("projects:archive"), areas)).isTrue();
		assertThat(role.grants(Permission.parse("billing:read"), areas)).isTrue();
		assertThat(role.grants(Permission.parse("billing:refund"), areas)).isFalse();
		// A custom role's wildcard is literal: *:read reaches administrative areas too, unlike Viewer.
		assertThat(role.grants(Permission.parse("users:read"), areas)).isTrue();
		assertThat(RoleDefinition.custom(UUID.randomUUID(), "Empty", null, null).grants(Permission.parse("a:b"), areas))
			.isFalse();
	}

	@Test
	void aCustomRoleCannotTakeABuiltInIdNorABuiltInRoleAnotherId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RoleDefinition.custom(BuiltInRoles.ADMIN, "Admin", Set.of(), null))
			.withMessageContaining("reserved");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoleDefinition(UUID.randomUUID(), "Admin", true, Set.of(), null))
			.withMessageContaining("not a built-in role");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoleDefinition(BuiltInRoles.VIEWER, "Viewer", true, Set.of(PermissionPattern.ALL), null));
		assertThatIllegalArgumentException().isThrownBy(() -> RoleDefinition.custom(UUID.randomUUID(), " ", Set.of(), null));
	}

	@Test
	void theBuiltInCatalogKnowsTheAdministrativeAreas() {
		AreaCatalog builtIn = AreaCatalog.builtIn();
		assertThat(AreaCatalog.BUILT_IN_ADMINISTRATIVE).allSatisfy((area) -> assertThat(builtIn.isAdministrative(area)).isTrue());
		assertThat(builtIn.isAdministrative("projects")).isFalse();
		assertThat(builtIn.declares(Permission.parse("projects:read"))).isTrue();
		assertThat(builtIn.declares(Permission.parse("projects:archive"))).isFalse();
		assertThat(builtIn.hasArea("billing")).isFalse();
		assertThat(areas.isAdministrative("billing-admin")).isTrue();
		assertThat(areas.isAdministrative("users")).isTrue();
	}
}
