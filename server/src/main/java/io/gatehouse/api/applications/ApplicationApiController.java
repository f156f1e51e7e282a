package io.gatehouse.api.applications;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.gatehouse.applications.ApplicationManagement;
import io.gatehouse.applications.RegisteredApplication;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The applications (OAuth clients) that sign users in with Gatehouse's OpenID Provider. */
@RestController
class ApplicationApiController {

	private final ApplicationManagement applications;

	ApplicationApiController(ApplicationManagement applications) {
		this.applications = applications;
	}

	@GetMapping("/api/v1/applications")
	List<ApplicationJson> list(Actor actor) {
		return applications.list(actor).stream().map(ApplicationJson::of).toList();
	}

	/** The answer holds the client secret of a confidential application, the only time it is shown. */
	@PostMapping("/api/v1/applications")
	ResponseEntity<ApplicationJson> create(Actor actor, @RequestBody ApplicationJson.ApplicationRequest body) {
		RegisteredApplication registered = applications.create(actor, body.draft());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + registered.application().id()))
			.cacheControl(CacheControl.noStore())
			.body(ApplicationJson.of(registered));
	}

	@GetMapping("/api/v1/applications/{id}")
	ApplicationJson get(Actor actor, @PathVariable UUID id) {
		return ApplicationJson.of(applications.get(actor, id));
	}

	@PatchMapping("/api/v1/applications/{id}")
	ApplicationJson update(Actor actor, @PathVariable UUID id, @RequestBody ApplicationJson.ApplicationRequest body) {
		return ApplicationJson.of(applications.update(actor, id, body.draft()));
	}

	@DeleteMapping("/api/v1/applications/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor actor, @PathVariable UUID id) {
		applications.delete(actor, id);
	}

	/**
	 * A new secret for a confidential application; the old one keeps working for {@code overlap} ({@code 24h},
	 * {@code 30m}, {@code PT1H}; {@code 0}: it stops at once), by default the configured overlap.
	 */
	@PostMapping("/api/v1/applications/{id}/secret")
	ResponseEntity<ApplicationJson> rotateSecret(Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String overlap) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(ApplicationJson.of(applications.rotateSecret(actor, id, duration(overlap))));
	}

	private static Duration duration(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalidField("overlap", "duration", "must be a duration like 24h, 30m, PT1H or 0");
		}
	}
}
