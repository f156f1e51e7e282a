package io.gatehouse.access;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one check, with enough to explain it.
 *
 * @param decidedAt the resource whose bindings decided; null when the decision came before bindings (user,
 * resource, token, System Administrator, restriction) or when no binding was found
 * @param bindings every binding at {@code decidedAt}, the ones whose union decided, including the synthetic
 * ownership and group-profile bindings (see {@link Binding}); empty when {@code decidedAt} is null
 * @param path the resources whose bindings were looked at, from the checked resource up to {@code decidedAt}, or
 * up to the root when nothing was found; empty when the decision came before bindings
 * @param explanation one sentence for people: what decided and why; ids, not names, which the engine does not know
 */
public record AccessDecision(boolean allowed, DecisionReason reason, UUID decidedAt, List<Binding> bindings,
		List<UUID> path, String explanation) {

	public AccessDecision {
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(explanation, "explanation");
		if (allowed != reason.allows()) {
			throw new IllegalArgumentException(
					"A decision for reason " + reason + " cannot be allowed=" + allowed + ".");
		}
		bindings = bindings == null ? List.of() : List.copyOf(bindings);
		path = path == null ? List.of() : List.copyOf(path);
	}
}
