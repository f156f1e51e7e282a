package io.gatehouse.resources;

import java.util.UUID;

import io.gatehouse.access.Binding;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A role was bound or unbound; a user's own binding changes only that user's decisions, a group's its members'. */
public record BindingChanged(Actor actor, String action, Binding binding)
		implements AuditedEvent, AccessRelevantChange {

	@Override
	public UUID affectedUser() {
		return binding.principalType() == PrincipalType.USER ? binding.principalId() : null;
	}
}
