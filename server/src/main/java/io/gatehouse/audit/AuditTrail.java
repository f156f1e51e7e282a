package io.gatehouse.audit;

import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log: for whoever holds {@code audit:read} on the instance. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final AccessControl access;

	private final AuditStore query;

	AuditTrail(AccessControl access, AuditStore query) {
		this.access = access;
		this.query = query;
	}

	public AuditPage search(Actor actor, AuditSearch search) {
		access.require(actor, Permissions.AUDIT_READ);
		return query.run(search, null);
	}

	/** A user's own trail: what they did and what was done to them (their account, sessions, second factor …). */
	public AuditPage involving(Actor actor, UUID userId, AuditSearch search) {
		access.require(actor, Permissions.AUDIT_READ);
		return query.run(search, userId);
	}
}
