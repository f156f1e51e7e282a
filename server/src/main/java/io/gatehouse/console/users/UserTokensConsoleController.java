package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.tokens.TokenManagement;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A user's Tokens tab: an administrator sees anyone's personal access tokens (never a secret) and revokes them. */
@Controller
class UserTokensConsoleController {

	private final UserDirectory directory;

	private final TokenManagement tokens;

	private final UserPages pages;

	private final AccessControl access;

	UserTokensConsoleController(UserDirectory directory, TokenManagement tokens, UserPages pages, AccessControl access) {
		this.directory = directory;
		this.tokens = tokens;
		this.pages = pages;
		this.access = access;
	}

	@GetMapping("/console/users/{id}/tokens")
	String list(ConsoleUser me, @PathVariable UUID id, Model model) {
		pages.frame(me, directory.get(me.actor(), id), "tokens", model);
		model.addAttribute("tokens", tokens.listOf(me.actor(), id));
		model.addAttribute("canRevoke", access.allows(me.actor(), Permissions.TOKENS_DELETE));
		return "console/users/tokens";
	}

	@PostMapping("/console/users/{id}/tokens/{tokenId}/revoke")
	String revoke(ConsoleUser me, @PathVariable UUID id, @PathVariable UUID tokenId) {
		tokens.revokeOf(me.actor(), id, tokenId);
		return ConsoleRedirects.withNotice("/console/users/" + id + "/tokens", "token-revoked");
	}
}
