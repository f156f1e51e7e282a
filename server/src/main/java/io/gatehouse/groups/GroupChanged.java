package io.gatehouse.groups;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * A group was created, changed or deleted ({@code member} null: any member's decisions may change), or a member
 * added or removed ({@code member} names who, and only their decisions change).
 */
public record GroupChanged(Actor actor, String action, UUID groupId, String name, UUID member)
		implements AuditedEvent, AccessRelevantChange {

	@Override
	public UUID affectedUser() {
		return member;
	}
}
