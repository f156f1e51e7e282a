package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.auth.Sessions;
import io.gatehouse.auth.SignInLocks;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.mfa.MfaManagement;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A user's Sessions and Security tabs: where they are signed in (end it all), their second factor (reset it for a
 * lost phone) and their brute-force lock (unlock). The same services as {@code /api/v1/users/{id}/…}.
 */
@Controller
class UserSecurityConsoleController {

	private final UserDirectory directory;

	private final Sessions sessions;

	private final MfaManagement mfa;

	private final SignInLocks locks;

	private final UserPages pages;

	UserSecurityConsoleController(UserDirectory directory, Sessions sessions, MfaManagement mfa, SignInLocks locks,
			UserPages pages) {
		this.directory = directory;
		this.sessions = sessions;
		this.mfa = mfa;
		this.locks = locks;
		this.pages = pages;
	}

	@GetMapping("/console/users/{id}/sessions")
	String sessions(ConsoleUser me, @PathVariable UUID id, Model model) {
		pages.frame(me, directory.get(me.actor(), id), "sessions", model);
		model.addAttribute("sessions", sessions.listOf(me.actor(), id));
		return "console/users/sessions";
	}

	/** Ends every session of the user: each node notices at the session's next request. */
	@PostMapping("/console/users/{id}/sessions/revoke")
	String revokeSessions(ConsoleUser me, @PathVariable UUID id) {
		sessions.revokeAllOf(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/users/" + id + "/sessions", "sessions-ended");
	}

	@GetMapping("/console/users/{id}/security")
	String security(ConsoleUser me, @PathVariable UUID id, Model model) {
		pages.frame(me, directory.get(me.actor(), id), "security", model);
		model.addAttribute("mfa", mfa.statusOf(me.actor(), id));
		model.addAttribute("lock", locks.ofUser(me.actor(), id));
		return "console/users/security";
	}

	@PostMapping("/console/users/{id}/mfa/reset")
	String resetMfa(ConsoleUser me, @PathVariable UUID id) {
		mfa.reset(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/users/" + id + "/security", "mfa-reset");
	}

	@PostMapping("/console/users/{id}/sign-in-lock/unlock")
	String unlock(ConsoleUser me, @PathVariable UUID id) {
		locks.unlockUser(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/users/" + id + "/security", "unlocked");
	}
}
