package io.gatehouse.api.users;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.api.ETags;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.User;
import io.gatehouse.users.UserActivity;
import io.gatehouse.users.UserDeletion;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserPage;
import io.gatehouse.users.UserPasswords;
import io.gatehouse.users.UserSearch;
import io.gatehouse.users.UserSort;
import io.gatehouse.users.UserStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

	private final UserManagement management;

	private final UserDirectory directory;

	private final UserPasswords passwords;

	private final UserViews views;

	private final UserDeletion deletion;

	UserApiController(UserManagement management, UserDirectory directory, UserPasswords passwords, UserViews views,
			UserDeletion deletion) {
		this.management = management;
		this.deletion = deletion;
		this.directory = directory;
		this.passwords = passwords;
		this.views = views;
	}

	/**
	 * The users list: Username, names, Email, Role, Last Login and status, filtered by text, status, group, role or
	 * dormancy.
	 */
	@GetMapping
	UserPageJson list(Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) UUID group,
			@RequestParam(required = false) UUID role, @RequestParam(required = false) Integer dormantDays,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(required = false) String cursor) {
		UserStatus wanted = status == null ? null : UserStatus.parse(status);
		UserPage page = directory.search(actor,
				new UserSearch(q, wanted, dormantDays, UserSort.parse(sort), limit, cursor, role, group));
		return new UserPageJson(views.of(page.items()), page.nextCursor());
	}

	@PostMapping
	ResponseEntity<UserJson> create(Actor actor, @RequestBody CreateUserRequest body) {
		User user = management.create(actor, body.command());
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id()))
			.eTag(ETags.of(user.version()))
			.body(views.of(user));
	}

	@GetMapping("/{id}")
	ResponseEntity<UserJson> get(Actor actor, @PathVariable UUID id) {
		User user = directory.get(actor, id);
		return ResponseEntity.ok()
			.eTag(ETags.of(user.version()))
			.body(views.of(user));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<UserJson> update(Actor actor, @PathVariable UUID id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(management.update(actor, id, UserPatch.read(body, ETags.expectedVersion(ifMatch))));
	}

	/** Refused while the instance is deactivate-only or the user owns resources (409, listing them). */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor actor, @PathVariable UUID id) {
		deletion.delete(actor, id);
	}

	@PostMapping("/{id}/deactivate")
	ResponseEntity<UserJson> deactivate(Actor actor, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(management.deactivate(actor, id, ETags.expectedVersion(ifMatch)));
	}

	@PostMapping("/{id}/reactivate")
	ResponseEntity<UserJson> reactivate(Actor actor, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(management.reactivate(actor, id, ETags.expectedVersion(ifMatch)));
	}

	@PutMapping("/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setPassword(Actor actor, @PathVariable UUID id, @RequestBody SetPasswordRequest body) {
		passwords.set(actor, id, body.password(), body.confirmPassword());
	}

	@PostMapping("/{id}/temporary-password")
	ResponseEntity<TemporaryPasswordJson> temporaryPassword(Actor actor, @PathVariable UUID id) {
		String password = passwords.issueTemporary(actor, id);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new TemporaryPasswordJson(password, true));
	}

	@GetMapping("/{id}/activity")
	UserActivity activity(Actor actor, @PathVariable UUID id) {
		return directory.activity(actor, id);
	}

	private ResponseEntity<UserJson> withETag(User user) {
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(views.of(user));
	}
}
