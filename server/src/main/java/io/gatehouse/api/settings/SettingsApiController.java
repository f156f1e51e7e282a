package io.gatehouse.api.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.api.ETags;
import io.gatehouse.settings.SettingsManagement;
import io.gatehouse.settings.SettingsView;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The instance settings: read them, change some with a JSON merge patch ({@code null} returns one to its default). */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsApiController {

	private static final Set<String> READ_ONLY = Set.of("defaults", "changed", "version");

	private final SettingsManagement settings;

	SettingsApiController(SettingsManagement settings) {
		this.settings = settings;
	}

	@GetMapping
	ResponseEntity<Map<String, Object>> get(Actor actor) {
		return withETag(settings.get(actor));
	}

	@PatchMapping(consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<Map<String, Object>> update(Actor actor, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withETag(settings.update(actor, codes(body), ETags.expectedVersion(ifMatch)));
	}

	/** JSON values as the settings' codes: strings as they are, booleans as {@code true}/{@code false}. */
	private static Map<String, String> codes(Map<String, Object> body) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, String> codes = new LinkedHashMap<>();
		body.forEach((name, value) -> {
			if (READ_ONLY.contains(name)) {
				violations.add(new FieldViolation(name, "read-only", "cannot be changed"));
			}
			else if (value == null || value instanceof String || value instanceof Boolean) {
				codes.put(name, value == null ? null : value.toString());
			}
			else {
				violations.add(new FieldViolation(name, "type", "must be a string, a boolean or null"));
			}
		});
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The patch has invalid fields.", violations);
		}
		return codes;
	}

	private static ResponseEntity<Map<String, Object>> withETag(SettingsView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		view.values().forEach((name, code) -> json.put(name, value(code)));
		Map<String, Object> defaults = new LinkedHashMap<>();
		view.defaults().forEach((name, code) -> defaults.put(name, value(code)));
		json.put("defaults", defaults);
		json.put("changed", List.copyOf(view.changed()));
		json.put("version", view.version());
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(json);
	}

	private static Object value(String code) {
		return code.equals("true") || code.equals("false") ? Boolean.valueOf(code) : code;
	}
}
