package io.gatehouse.api.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessChecks;
import io.gatehouse.access.AccessDecision;
import io.gatehouse.access.Binding;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/authz/check}: may this user do this there? Single or batch, with an explanation on request. */
@RestController
class AuthzApiController {

	static final int MAX_BATCH = 500;

	private final AccessChecks checks;

	private final Clock clock;

	AuthzApiController(AccessChecks checks, Clock clock) {
		this.checks = checks;
		this.clock = clock;
	}

	record CheckRequest(UUID user, String permission, UUID resource, Boolean explain) {
	}

	record CheckBatchRequest(List<CheckRequest> checks) {
	}

	/**
	 * @param decidedAt the resource whose bindings decided; {@code null} when the decision came before the walk
	 * @param path the resources walked, from the one asked about upwards (only with {@code explain})
	 */
	record CheckResult(boolean allowed, String reason, UUID decidedAt, List<Binding> bindings, List<UUID> path,
			String explanation, Instant checkedAt) {
	}

	record BatchResult(List<CheckResult> results) {
	}

	@PostMapping("/api/v1/authz/check")
	CheckResult check(Actor actor, @RequestBody CheckRequest body) {
		return result(body, checks.check(actor, body.user(), body.permission(), body.resource()));
	}

	@PostMapping("/api/v1/authz/check/batch")
	BatchResult batch(Actor actor, @RequestBody CheckBatchRequest body) {
		if (body.checks() == null || body.checks().isEmpty() || body.checks().size() > MAX_BATCH) {
			throw DomainException.invalidField("checks", "size", "must hold 1 to " + MAX_BATCH + " checks");
		}
		List<AccessDecision> decisions = checks.checkAll(actor, body.checks()
			.stream()
			.map(check -> check == null ? null
					: new AccessChecks.Question(check.user(), check.permission(), check.resource()))
			.toList());
		List<CheckResult> results = new java.util.ArrayList<>();
		for (int i = 0; i < decisions.size(); i++) {
			results.add(result(body.checks().get(i), decisions.get(i)));
		}
		return new BatchResult(results);
	}

	private CheckResult result(CheckRequest request, AccessDecision decision) {
		boolean explain = Boolean.TRUE.equals(request.explain());
		return new CheckResult(decision.allowed(), decision.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				decision.decidedAt(), decision.bindings(), explain ? decision.path() : null,
				explain ? decision.explanation() : null, clock.instant());
	}
}
