package io.gatehouse.api.me;

import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.api.ETags;
import io.gatehouse.api.users.AllowlistJson;
import io.gatehouse.api.users.UserJson;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserPasswords;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: every user manages themselves here, whatever their permissions. */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

	private final UserDirectory directory;

	private final UserPasswords passwords;

	private final IpAllowlists allowlists;

	MeApiController(UserDirectory directory, UserPasswords passwords, IpAllowlists allowlists) {
		this.directory = directory;
		this.passwords = passwords;
		this.allowlists = allowlists;
	}

	/** Your own IP allowlist, to read: an administrator sets it. */
	@GetMapping("/ip-allowlist")
	AllowlistJson allowlist(Actor actor) {
		return new AllowlistJson(allowlists.get(actor, actor.userId()));
	}

	@GetMapping
	ResponseEntity<UserJson> me(Actor actor) {
		User user = directory.me(actor);
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(UserJson.of(user));
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(Actor actor, @RequestBody ChangePasswordRequest body) {
		passwords.changeOwn(actor, body.currentPassword(), body.newPassword());
	}
}
