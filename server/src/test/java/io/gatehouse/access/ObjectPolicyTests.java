package io.gatehouse.access;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Object policies are the built-in Viewer, Editor and No Access, both ways, for both doors. */
class ObjectPolicyTests {

	@ParameterizedTest
	@CsvSource({ "read, 00000000-0000-0000-0000-0000000000a4", "WRITE, 00000000-0000-0000-0000-0000000000a3",
			"None, 00000000-0000-0000-0000-0000000000a5" })
	void aPolicyIsABuiltInRole(String code, String roleId) {
		ObjectPolicy policy = ObjectPolicy.parse(code);
		assertThat(policy.roleId()).hasToString(roleId);
		assertThat(ObjectPolicy.ofRole(policy.roleId())).contains(policy);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "owner", "reader", " read" })
	void anythingElseIsRefusedNamingTheField(String code) {
		assertThatThrownBy(() -> ObjectPolicy.parse(code)).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(DomainException.Kind.INVALID);
			assertThat(ex.violations()).singleElement().satisfies(violation -> {
				assertThat(violation.field()).isEqualTo("policy");
				assertThat(violation.rule()).isEqualTo("one-of");
			});
		});
	}

	@Test
	void otherRolesAreNoPolicy() {
		assertThat(ObjectPolicy.ofRole(BuiltInRoles.ADMIN)).isEmpty();
		assertThat(ObjectPolicy.ofRole(BuiltInRoles.SYSTEM_ADMINISTRATOR)).isEmpty();
	}

	@Test
	void eachIsOfferedUnderItsCodeAndRoleName() {
		assertThat(ObjectPolicy.READ.code()).isEqualTo("read");
		assertThat(ObjectPolicy.NONE.roleName()).isEqualTo("No Access");
	}
}
