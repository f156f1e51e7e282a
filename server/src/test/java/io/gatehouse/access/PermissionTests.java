package io.gatehouse.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PermissionTests {

	@ParameterizedTest
	@CsvSource({ "projects:read, projects, read", "billing:refund, billing, refund", "api-keys:rotate_2, api-keys, rotate_2",
			"a:b, a, b" })
	void parsesAndFormatsAreaAndAction(String text, String area, String action) {
		Permission permission = Permission.parse(text);
		assertThat(permission).isEqualTo(new Permission(area, action));
		assertThat(permission).hasToString(text);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "projects", ":read", "projects:", "Projects:read", "projects:Read", "projects:re ad",
			" projects:read", "projects:read:all", "projects::read", "*:read", "projects:*", "prøjects:read" })
	void refusesAnythingButLowerCaseAreaColonAction(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Permission.parse(text)).withMessageContaining("permission");
	}

	@Test
	void namesTheOffendingPartInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Permission.parse("Projects:read"))
			.withMessage("'Projects:read' is not a permission: the area 'Projects' may hold only lower-case letters, "
					+ "digits, '-' and '_'.");
		assertThatIllegalArgumentException().isThrownBy(() -> Permission.parse("projects"))
			.withMessage("'projects' is not a permission: write it area:action, with one colon.");
		assertThatIllegalArgumentException().isThrownBy(() -> new Permission("projects", ""))
			.withMessage("Invalid permission: the action is empty.");
	}

	@ParameterizedTest
	@CsvSource({ "projects:read, projects:read, true", "projects:read, projects:update, false",
			"projects:*, projects:update, true", "projects:*, billing:update, false", "*:read, billing:read, true",
			"*:read, billing:refund, false", "*:*, anything:at-all, true" })
	void patternsMatchWholePartsOrWildcards(String pattern, String permission, boolean matches) {
		assertThat(PermissionPattern.parse(pattern).matches(Permission.parse(permission))).isEqualTo(matches);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "projects", "proj*:read", "projects:**", "**:read", "Projects:*", "*:*:*" })
	void refusesPartialWildcardsAndMalformedPatterns(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> PermissionPattern.parse(text))
			.withMessageContaining("permission pattern");
	}

	@Test
	void patternsFormatLikeTheyParse() {
		assertThat(PermissionPattern.parse("*:read")).hasToString("*:read");
		assertThat(PermissionPattern.ALL).isEqualTo(PermissionPattern.parse("*:*"));
		assertThat(PermissionPattern.of(Permission.parse("billing:refund"))).isEqualTo(PermissionPattern.parse("billing:refund"));
	}

	@Test
	void crudIsTheFourCommonActions() {
		assertThat(Actions.CRUD).containsExactlyInAnyOrder("create", "read", "update", "delete");
	}
}
