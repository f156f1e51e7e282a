package io.gatehouse.console.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.audit.AuditActions;
import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.console.audit.AuditDownloads;
import io.gatehouse.console.audit.AuditFilter;
import io.gatehouse.console.audit.AuditRows;
import io.gatehouse.users.UserDirectory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A user's Audit tab: what they did and what was done to them, newest first, filtered and exported as on the log. */
@Controller
class UserAuditConsoleController {

	private final UserDirectory directory;

	private final AuditTrail trail;

	private final AuditRows rows;

	private final AuditDownloads downloads;

	private final UserPages pages;

	UserAuditConsoleController(UserDirectory directory, AuditTrail trail, AuditRows rows, AuditDownloads downloads,
			UserPages pages) {
		this.directory = directory;
		this.trail = trail;
		this.rows = rows;
		this.downloads = downloads;
		this.pages = pages;
	}

	@GetMapping("/console/users/{id}/audit")
	String audit(ConsoleUser me, @PathVariable UUID id, @ModelAttribute("filter") AuditFilter filter, Model model) {
		pages.frame(me, directory.get(me.actor(), id), "audit", model);
		return FormFlow.submit(() -> trail.involving(me.actor(), id, filter.search(me.zone())))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				trail.involving(me.actor(), id, AuditSearch.all(1, null));
				return page(me, id, filter, new AuditPage(List.of(), null), errors, model);
			})
			.done(found -> page(me, id, filter, found, FormErrors.NONE, model));
	}

	@GetMapping("/console/users/{id}/audit/export")
	void export(ConsoleUser me, @PathVariable UUID id, @ModelAttribute("filter") AuditFilter filter,
			@RequestParam(required = false) String format, HttpServletResponse response) {
		String username = directory.get(me.actor(), id).username();
		downloads.write(me, filter, id, format, "audit-" + username, response);
	}

	private String page(ConsoleUser me, UUID id, AuditFilter filter, AuditPage page, FormErrors errors, Model model) {
		String path = "/console/users/" + id + "/audit";
		model.addAttribute("errors", errors);
		model.addAttribute("rows", rows.of(me, page.items()));
		model.addAttribute("actions", AuditActions.PREFIXES);
		model.addAttribute("knownActions", AuditActions.KNOWN);
		model.addAttribute("filterPath", path);
		model.addAttribute("exportCsv", filter.exportLink(path + "/export", "csv"));
		model.addAttribute("exportJsonLines", filter.exportLink(path + "/export", "jsonl"));
		model.addAttribute("olderLink", page.nextCursor() == null ? null : filter.olderLink(path, page.nextCursor()));
		model.addAttribute("newestLink", filter.paged() ? filter.newestLink(path) : null);
		return "console/users/audit";
	}
}
