package io.gatehouse.console.profile;

import io.gatehouse.console.ConsoleUser;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Profile settings: the signed-in user's own account, open to everyone whatever their permissions. Password change
 * is on its own page; screen name, email change, tokens, MFA and sessions join here (issues 4 and 5).
 */
@Controller
class ProfileConsoleController {

	private final UserDirectory directory;

	ProfileConsoleController(UserDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/console/profile")
	String profile(ConsoleUser me, Model model) {
		model.addAttribute("account", directory.me(me.actor()));
		return "console/profile";
	}
}
