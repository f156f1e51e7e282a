package io.gatehouse.console.applications;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.applications.Application;
import io.gatehouse.applications.ApplicationManagement;
import io.gatehouse.applications.ClientType;
import io.gatehouse.applications.RegisteredApplication;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Applications: the OAuth clients that sign users in with Gatehouse, listed, registered (a confidential one's secret
 * shown once), changed, given a new secret with an overlap, and deleted. {@link ApplicationManagement} decides who
 * may and what an application may be.
 */
@Controller
class ApplicationConsoleController {

	private static final String LIST = "/console/applications";

	/** The overlaps offered on a rotation: none (a leaked secret), or long enough for every instance to move. */
	static final List<Overlap> OVERLAPS = List.of(new Overlap("PT0S", "None: the current secret stops at once"),
			new Overlap("PT1H", "1 hour"), new Overlap("PT24H", "24 hours"), new Overlap("P7D", "7 days"),
			new Overlap("P30D", "30 days"));

	private final ApplicationManagement applications;

	private final AccessControl access;

	ApplicationConsoleController(ApplicationManagement applications, AccessControl access) {
		this.applications = applications;
		this.access = access;
	}

	@GetMapping(LIST)
	String list(ConsoleUser me, Model model) {
		model.addAttribute("applications", applications.list(me.actor()));
		model.addAttribute("canCreate", access.allows(me.actor(), Permissions.APPLICATIONS_CREATE));
		return "console/applications/list";
	}

	@GetMapping(LIST + "/new")
	String newApplication(ConsoleUser me, Model model) {
		access.require(me.actor(), Permissions.APPLICATIONS_CREATE);
		return page(me, null, ApplicationForm.blank(), FormErrors.NONE, model);
	}

	/** A confidential application's secret is in this one response only: never stored in clear, never cached. */
	@PostMapping(LIST)
	String create(ConsoleUser me, @ModelAttribute ApplicationForm form, HttpServletResponse response, Model model) {
		return FormFlow.submit(() -> applications.create(me.actor(), form.draft()))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> page(me, null, form, errors, model))
			.done(registered -> registered.clientSecret() == null
					? ConsoleRedirects.withNotice(LIST + "/" + registered.application().id(), "application-created")
					: shown(me, registered, response, model));
	}

	@GetMapping(LIST + "/{id}")
	String show(ConsoleUser me, @PathVariable UUID id, Model model) {
		Application application = applications.get(me.actor(), id);
		return page(me, application, ApplicationForm.of(application), FormErrors.NONE, model);
	}

	@PostMapping(LIST + "/{id}")
	String update(ConsoleUser me, @PathVariable UUID id, @ModelAttribute ApplicationForm form, Model model) {
		Application application = applications.get(me.actor(), id);
		return FormFlow.submit(() -> applications.update(me.actor(), id, form.draft()))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> page(me, application, form, errors, model))
			.redirect(LIST + "/" + id, "saved");
	}

	/** The new secret is shown once, like a new application's; the current one works on for the chosen overlap. */
	@PostMapping(LIST + "/{id}/secret")
	String rotate(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String overlap,
			HttpServletResponse response, Model model) {
		Application application = applications.get(me.actor(), id);
		return FormFlow.submit(() -> applications.rotateSecret(me.actor(), id, duration(overlap)))
			.refused(errors -> page(me, application, ApplicationForm.of(application), errors, model))
			.done(rotated -> shown(me, rotated, response, model));
	}

	@PostMapping(LIST + "/{id}/delete")
	String delete(ConsoleUser me, @PathVariable UUID id) {
		applications.delete(me.actor(), id);
		return ConsoleRedirects.withNotice(LIST, "application-deleted");
	}

	private String shown(ConsoleUser me, RegisteredApplication registered, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("registered", registered);
		return page(me, registered.application(), ApplicationForm.of(registered.application()), FormErrors.NONE, model);
	}

	private String page(ConsoleUser me, Application application, ApplicationForm form, FormErrors errors,
			Model model) {
		model.addAttribute("app", application);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editable", access.allows(me.actor(),
				application == null ? Permissions.APPLICATIONS_CREATE : Permissions.APPLICATIONS_UPDATE));
		model.addAttribute("deletable", application != null
				&& access.allows(me.actor(), Permissions.APPLICATIONS_DELETE));
		model.addAttribute("rotatable", application != null && application.type() == ClientType.CONFIDENTIAL
				&& access.allows(me.actor(), Permissions.APPLICATIONS_UPDATE));
		model.addAttribute("overlaps", OVERLAPS);
		return "console/applications/show";
	}

	/** Only the offered overlaps' form; a hand-made request with another is refused on the field. */
	private static Duration duration(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Duration.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalidField("overlap", "duration", "must be a duration like PT24H");
		}
	}

	/** An overlap offered on a rotation, as ISO-8601 and as read. */
	record Overlap(String value, String label) {
	}
}
