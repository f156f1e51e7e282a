package io.gatehouse.provisioning;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A SCIM client gave a group its externalId, another one or none: audited as {@code group.updated}. */
public record ProvisionedGroupExternalIdChanged(Actor actor, UUID groupId, String externalId) implements AuditedEvent {

	@Override
	public String action() {
		return "group.updated";
	}

	@Override
	public String targetType() {
		return "group";
	}

	@Override
	public String targetId() {
		return groupId.toString();
	}

	@Override
	public Map<String, Object> details() {
		return Collections.singletonMap("externalId", externalId);
	}
}
