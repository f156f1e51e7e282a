package io.gatehouse.api.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first, filtered and paged by cursor. */
@RestController
class AuditApiController {

	record AuditPageJson(List<AuditEventJson> items, String nextCursor) {
	}

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit-events")
	AuditPageJson list(Actor actor, @RequestParam(name = "actor", required = false) String actorFilter,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		AuditPage page = trail.search(actor, new AuditSearch(actorFilter, action, targetType, targetId, outcome,
				instant("from", from), instant("to", to), limit(limit), cursor));
		return new AuditPageJson(page.items().stream().map(AuditEventJson::of).toList(), page.nextCursor());
	}

	private static Instant instant(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeException ex) {
			throw DomainException.invalidField(field, "instant", "must be an instant like 2026-11-22T10:00:00Z");
		}
	}

	private static int limit(String text) {
		if (text == null || text.isBlank()) {
			return AuditSearch.DEFAULT_LIMIT;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalidField("limit", "range", "must be between 1 and " + AuditSearch.MAX_LIMIT);
		}
	}
}
