package io.gatehouse.console;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a posted console form answers, for each way the domain command can end. */
class FormFlowTests {

	@Test
	void successRedirectsWithTheNoticeBeforeAnyAnchor() {
		assertThat(FormFlow.submit(() -> "made").refused(errors -> "form").redirect("/console/groups/1#members",
				"member-added")).isEqualTo("redirect:/console/groups/1?done=member-added#members");
		assertThat(FormFlow.submit(() -> "made").refused(errors -> "form").done(made -> "page " + made))
			.isEqualTo("page made");
	}

	@Test
	void anUnknownNoticeFailsWhereItIsWritten() {
		assertThatThrownBy(() -> ConsoleRedirects.withNotice("/console", "sved"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aRefusalForTheFormShowsTheFormWithEveryFieldsMessage() {
		StringBuilder shown = new StringBuilder();
		String page = FormFlow.submit(() -> {
			throw DomainException.invalidField("email", "email", "must be a valid email address");
		}).refused(errors -> {
			shown.append(errors.get("email"));
			return "form";
		}).redirect("/console", "saved");
		assertThat(page).isEqualTo("form");
		assertThat(shown).hasToString("Must be a valid email address.");
	}

	@Test
	void aConcurrentChangeShowsWhatIsStoredWithTheMessage() {
		StringBuilder shown = new StringBuilder();
		String page = FormFlow.submit(() -> {
			throw DomainException.versionMismatch("user");
		}).onConcurrentChange("Someone else changed it.", errors -> {
			shown.append(errors.summary());
			return "stored";
		}).refused(errors -> "form").redirect("/console", "saved");
		assertThat(page).isEqualTo("stored");
		assertThat(shown).hasToString("Someone else changed it.");
	}

	@Test
	void aRefusalThatIsNotTheFormsGoesToTheErrorPage() {
		DomainException forbidden = DomainException.forbidden("forbidden", "no");
		assertThatThrownBy(() -> FormFlow.submit(() -> {
			throw forbidden;
		}).refused(errors -> "form").redirect("/console", "saved")).isSameAs(forbidden);
		DomainException conflict = DomainException.conflict("email-taken", "taken", "email");
		assertThatThrownBy(() -> FormFlow.submit(() -> {
			throw conflict;
		}).showing(FormFlow.INVALID_INPUT).refused(errors -> "form").redirect("/console", "saved")).isSameAs(conflict);
	}
}
