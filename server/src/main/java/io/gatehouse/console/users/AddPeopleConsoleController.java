package io.gatehouse.console.users;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.BatchAccounts;
import io.gatehouse.users.BatchResult;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Add people": a list of emails becomes accounts, each with a temporary password shown in this one
 * answer (never stored in clear, never cached) and replaced by the person at their first sign-in. A line that
 * fails is reported on its own; the others are made. Through {@link BatchAccounts}, like
 * {@code POST /api/v1/users/batch}.
 */
@Controller
class AddPeopleConsoleController {

	/** A line of the result that failed: where it was in the list, what it said, and why it failed. */
	record FailedLine(int line, String email, String reason) {
	}

	private final BatchAccounts batch;

	private final AssignmentOptions options;

	private final AccessControl access;

	AddPeopleConsoleController(BatchAccounts batch, AssignmentOptions options, AccessControl access) {
		this.batch = batch;
		this.options = options;
		this.access = access;
	}

	@GetMapping("/console/users/add-people")
	String form(ConsoleUser me, Model model) {
		access.require(me.actor(), Permissions.USERS_CREATE);
		return page(me, AddPeopleForm.blank(), FormErrors.NONE, model);
	}

	@PostMapping("/console/users/add-people")
	String create(ConsoleUser me, @ModelAttribute AddPeopleForm form, HttpServletResponse response, Model model) {
		return FormFlow.submit(() -> batch.create(me.actor(), PeopleList.parse(form.people()).accounts(), false,
				form.groups(), InviteForm.grants(form.bindings())))
			.errors(AddPeopleConsoleController::onTheForm)
			.refused(errors -> page(me, form, errors, model))
			.done(result -> created(me, form, result, response, model));
	}

	private String created(ConsoleUser me, AddPeopleForm form, BatchResult result, HttpServletResponse response,
			Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("created", result.created());
		model.addAttribute("failed", result.failed().stream()
			.map(failed -> new FailedLine(failed.index() + 1, failed.email(), reason(failed.failure())))
			.toList());
		AddPeopleForm shown = form;
		if (!result.failed().isEmpty()) {
			// the failed lines stay in the box, to correct and send again
			String retry = result.failed().stream()
				.map(failed -> failed.email() == null ? "" : failed.email())
				.collect(Collectors.joining("\n"));
			shown = new AddPeopleForm(retry, form.bindings(), form.groups());
		}
		return page(me, shown, FormErrors.NONE, model);
	}

	/** The batch's own refusals (an empty list, too many lines) belong to the box where the list was typed. */
	private static FormErrors onTheForm(DomainException ex) {
		FormErrors errors = FormErrors.of(ex);
		if (errors.has("accounts")) {
			return new FormErrors(errors.summary(), Map.of("people", errors.get("accounts")));
		}
		return errors;
	}

	/** Why one line failed, in the domain's words: each field's message, or the refusal's own. */
	static String reason(DomainException failure) {
		if (failure.violations().isEmpty()) {
			return failure.getMessage();
		}
		return failure.violations().stream()
			.map(violation -> label(violation.field()) + " " + violation.message())
			.collect(Collectors.joining("; ")) + ".";
	}

	private static String label(String field) {
		if (field.startsWith("bindings")) {
			return "Roles:";
		}
		if (field.startsWith("groups")) {
			return "Groups:";
		}
		return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
	}

	private String page(ConsoleUser me, AddPeopleForm form, FormErrors errors, Model model) {
		model.addAttribute("roleOptions", options.rolesByResource(me.actor(), List.of()));
		model.addAttribute("groupOptions", options.groups(me.actor()));
		model.addAttribute("rolesShown", options.canChooseRoles(me.actor()));
		model.addAttribute("groupsShown", options.canChooseGroups(me.actor()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "console/users/add-people";
	}
}
