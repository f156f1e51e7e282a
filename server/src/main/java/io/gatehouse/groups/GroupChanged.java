package io.gatehouse.groups;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A group was created, changed or deleted, or a member added or removed ({@code member} names who). */
public record GroupChanged(Actor actor, String action, UUID groupId, String name, UUID member)
		implements AuditedEvent, AccessRelevantChange {

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
		return member == null ? Map.of("name", name) : Map.of("name", name, "member", member.toString());
	}

	/** A member added or removed changes that member's access only; anything else about the group, its members'. */
	@Override
	public UUID affectedUser() {
		return member;
	}
}
