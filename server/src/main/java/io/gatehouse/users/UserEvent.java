package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.AuditedEvent;

/** An audited event about one user account: its target is that user. */
public interface UserEvent extends AuditedEvent {

	UUID userId();

	@Override
	default String targetType() {
		return "user";
	}

	@Override
	default String targetId() {
		return userId().toString();
	}
}
