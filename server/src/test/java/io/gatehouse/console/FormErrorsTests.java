package io.gatehouse.console;

import java.util.List;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a domain refusal becomes messages next to the form's fields. */
class FormErrorsTests {

	@Test
	void eachViolationGoesToItsFormFieldAsASentence() {
		FormErrors errors = FormErrors.of(DomainException.invalid("validation-failed", "The user has invalid fields.",
				List.of(new FieldViolation("email", "email", "must be a valid email address"),
						new FieldViolation("bindings[1].roleId", "required", "is required"),
						new FieldViolation("password", "length", "must be 8 to 60 characters long"),
						new FieldViolation("password", "digit", "must contain a digit (0-9)"))));
		assertThat(errors.summary()).isEqualTo("The user has invalid fields.");
		assertThat(errors.get("email")).isEqualTo("Must be a valid email address.");
		assertThat(errors.get("bindings")).isEqualTo("Is required.");
		assertThat(errors.get("password")).isEqualTo("Must be 8 to 60 characters long. Must contain a digit (0-9).");
	}

	@Test
	void entriesOfOneListRefusedAlikeAreSaidOnce() {
		FormErrors errors = FormErrors.of(DomainException.invalid("validation-failed", "The user has invalid fields.",
				List.of(new FieldViolation("bindings[0].roleId", "exists", "is not a role"),
						new FieldViolation("bindings[2].roleId", "exists", "is not a role"),
						new FieldViolation("bindings[3].resourceId", "exists", "is not a resource"))));
		assertThat(errors.get("bindings")).isEqualTo("Is not a role. Is not a resource.");
	}

	@Test
	void aOneFieldMessageIsNotRepeatedAsTheSummary() {
		FormErrors errors = FormErrors.of(DomainException.invalidField("confirmPassword", "matches", "must match the password"));
		assertThat(errors.summary()).isEqualTo("Check the highlighted field.");
		assertThat(errors.get("confirmPassword")).isEqualTo("Must match the password.");
	}

	@Test
	void onlyInputProblemsAndRefusedGrantsBelongOnTheForm() {
		assertThat(FormErrors.belongOnTheForm(DomainException.conflict("email-taken", "taken", "email"))).isTrue();
		assertThat(FormErrors.belongOnTheForm(DomainException.forbidden("privilege-escalation", "no"))).isTrue();
		assertThat(FormErrors.belongOnTheForm(DomainException.forbidden("forbidden", "no"))).isFalse();
		assertThat(FormErrors.belongOnTheForm(DomainException.notFound("user-not-found", "no"))).isFalse();
		assertThat(FormErrors.NONE.any()).isFalse();
	}
}
