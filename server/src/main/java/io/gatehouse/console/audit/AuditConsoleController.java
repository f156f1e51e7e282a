package io.gatehouse.console.audit;

import java.util.List;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.audit.AuditActions;
import io.gatehouse.audit.AuditExport;
import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserSearch;
import io.gatehouse.users.UserSort;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log viewer: every admin and security event, newest first, filtered, a page at a time, and exported. */
@Controller
class AuditConsoleController {

	private static final int SUGGESTIONS = 10;

	private final AuditTrail trail;

	private final AuditRows rows;

	private final AuditDownloads downloads;

	private final AccessControl access;

	private final UserDirectory users;

	AuditConsoleController(AuditTrail trail, AuditRows rows, AuditDownloads downloads, AccessControl access,
			UserDirectory users) {
		this.trail = trail;
		this.rows = rows;
		this.downloads = downloads;
		this.access = access;
		this.users = users;
	}

	@GetMapping("/console/audit")
	String list(ConsoleUser me, @ModelAttribute("filter") AuditFilter filter, Model model) {
		return FormFlow.submit(() -> trail.search(me.actor(), filter.search(me.zone())))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				// the refusal names the field; only someone who may read the log is told which, so ask the service first
				trail.search(me.actor(), AuditSearch.all(1, null));
				return page(me, filter, new AuditPage(List.of(), null), errors, model);
			})
			.done(found -> page(me, filter, found, FormErrors.NONE, model));
	}

	/** The filtered events as a file: {@code format=csv} or {@code format=jsonl}. */
	@GetMapping("/console/audit/export")
	void export(ConsoleUser me, @ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) String format,
			HttpServletResponse response) {
		downloads.write(me, filter, null, format, "audit", response);
	}

	/**
	 * Usernames for the actor filter, as {@code <option>}s of its datalist: only for someone who may read the log and
	 * the users, from the users list's prefix search (a deleted user's name can still be typed).
	 */
	@GetMapping("/console/audit/actors")
	String actors(ConsoleUser me, @RequestParam(required = false) String actor, Model model) {
		trail.search(me.actor(), AuditSearch.all(1, null));
		String typed = actor == null ? "" : actor.strip();
		List<String> names = typed.isEmpty() || typed.length() > 64 || !access.allows(me.actor(), Permissions.USERS_READ)
				? List.of()
				: users.search(me.actor(), new UserSearch(typed, null, null, UserSort.DEFAULT, SUGGESTIONS, null, null, null))
					.items()
					.stream()
					.map(User::username)
					.toList();
		model.addAttribute("names", names);
		return "console/audit/filters :: actor-options";
	}

	private String page(ConsoleUser me, AuditFilter filter, AuditPage page, FormErrors errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("rows", rows.of(me, page.items()));
		model.addAttribute("actions", AuditActions.PREFIXES);
		model.addAttribute("knownActions", AuditActions.KNOWN);
		model.addAttribute("filterPath", "/console/audit");
		model.addAttribute("exportCsv", filter.exportLink("/console/audit/export", "csv"));
		model.addAttribute("exportJsonLines", filter.exportLink("/console/audit/export", "jsonl"));
		model.addAttribute("olderLink", page.nextCursor() == null ? null : filter.olderLink("/console/audit", page.nextCursor()));
		model.addAttribute("newestLink", filter.paged() ? filter.newestLink("/console/audit") : null);
		return "console/audit/list";
	}
}
