package io.gatehouse.resources;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.Binding;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A role was bound or unbound. */
public record BindingChanged(Actor actor, String action, Binding binding) implements AuditedEvent, AccessRelevantChange {

	@Override
	public String targetType() {
		return "binding";
	}

	@Override
	public String targetId() {
		return binding.id().toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("principalType", binding.principalType().name(), "principalId",
				binding.principalId().toString(), "roleId", binding.roleId().toString(), "resourceId",
				binding.resourceId().toString());
	}

	@Override
	public UUID affectedUser() {
		return binding.principalType() == PrincipalType.USER ? binding.principalId() : null;
	}
}
