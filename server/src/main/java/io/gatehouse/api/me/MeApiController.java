package io.gatehouse.api.me;

import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.api.ETags;
import io.gatehouse.api.users.AllowlistJson;
import io.gatehouse.api.users.UserJson;
import io.gatehouse.api.users.UserViews;
import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserPasswords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final UserManagement management;

	private final UserViews views;

	MeApiController(UserDirectory directory, UserPasswords passwords, IpAllowlists allowlists,
			UserManagement management, UserViews views) {
		this.directory = directory;
		this.passwords = passwords;
		this.allowlists = allowlists;
		this.management = management;
		this.views = views;
	}

	/** Your own IP allowlist, to read: an administrator sets it. */
	@GetMapping("/ip-allowlist")
	AllowlistJson allowlist(Actor actor) {
		return new AllowlistJson(allowlists.get(actor, actor.userId()));
	}

	@GetMapping
	ResponseEntity<UserJson> me(Actor actor) {
		User user = directory.me(actor);
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(views.of(user));
	}

	/**
	 * Your screen name ({@code displayName}) and time zone; a field left out stays as it is, {@code null} clears it.
	 * {@code If-Match} with the ETag of {@code GET /me} guards against a concurrent change.
	 */
	@PatchMapping
	ResponseEntity<UserJson> update(Actor actor, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MePatch.Profile patch = MePatch.read(body);
		User user = management.updateOwn(actor, patch.displayName(), patch.timeZone(), ETags.expectedVersion(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(views.of(user));
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(Actor actor, @RequestBody ChangePasswordRequest body) {
		passwords.changeOwn(actor, body.currentPassword(), body.newPassword());
	}
}
