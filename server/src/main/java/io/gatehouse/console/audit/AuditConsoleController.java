package io.gatehouse.console.audit;

import java.util.List;

import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.shared.DomainException;
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
		AuditPage page;
		FormErrors errors = FormErrors.NONE;
		try {
			page = trail.search(me.actor(), filter.search(me.zone()));
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			// the refusal names the field; only someone who may read the log is told which, so ask the service first
			trail.search(me.actor(), AuditSearch.all(1, null));
			errors = FormErrors.of(ex);
			page = new AuditPage(List.of(), null);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("events", page.items());
		model.addAttribute("olderLink", page.nextCursor() == null ? null : filter.olderLink("/console/audit", page.nextCursor()));
		model.addAttribute("newestLink", filter.paged() ? filter.newestLink("/console/audit") : null);
		return "console/audit/list";
	}
}
