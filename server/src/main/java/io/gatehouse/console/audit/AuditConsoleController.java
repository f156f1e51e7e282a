package io.gatehouse.console.audit;

import java.util.List;

import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit log viewer: every admin and security event, newest first, filtered, a page at a time. */
@Controller
class AuditConsoleController {

	private final AuditTrail trail;

	AuditConsoleController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/console/audit")
	String list(ConsoleUser me, @ModelAttribute("filter") AuditFilter filter, Model model) {
		return FormFlow.submit(() -> trail.search(me.actor(), filter.search(me.zone())))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				// the refusal names the field; only someone who may read the log is told which, so ask the service first
				trail.search(me.actor(), AuditSearch.all(1, null));
				return page(filter, new AuditPage(List.of(), null), errors, model);
			})
			.done(found -> page(filter, found, FormErrors.NONE, model));
	}

	private static String page(AuditFilter filter, AuditPage page, FormErrors errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("events", page.items());
		model.addAttribute("olderLink", page.nextCursor() == null ? null : filter.olderLink("/console/audit", page.nextCursor()));
		model.addAttribute("newestLink", filter.paged() ? filter.newestLink("/console/audit") : null);
		return "console/audit/list";
	}
}
