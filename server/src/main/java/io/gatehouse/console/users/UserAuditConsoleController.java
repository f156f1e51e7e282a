package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A user's Audit tab: what they did and what was done to them, newest first. */
@Controller
class UserAuditConsoleController {

	private static final int PAGE_SIZE = 50;

	private final UserDirectory directory;

	private final AuditTrail trail;

	private final UserPages pages;

	UserAuditConsoleController(UserDirectory directory, AuditTrail trail, UserPages pages) {
		this.directory = directory;
		this.trail = trail;
		this.pages = pages;
	}

	@GetMapping("/console/users/{id}/audit")
	String audit(ConsoleUser me, @PathVariable UUID id, @RequestParam(required = false) String cursor, Model model) {
		pages.frame(me, directory.get(me.actor(), id), "audit", model);
		AuditPage page = trail.involving(me.actor(), id, AuditSearch.all(PAGE_SIZE, cursor));
		model.addAttribute("events", page.items());
		model.addAttribute("olderCursor", page.nextCursor());
		model.addAttribute("paged", cursor != null && !cursor.isBlank());
		return "console/users/audit";
	}
}
