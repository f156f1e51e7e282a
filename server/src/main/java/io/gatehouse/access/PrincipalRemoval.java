package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a user out of the access model when the account is deleted: the user's own role bindings, group
 * memberships and restriction scope. Resources the user owns are not touched: deleting an owner is refused until
 * ownership is transferred (see {@link ResourceManagement#ownedBy}).
 */
@Service
@Transactional
public class PrincipalRemoval {

	private final AccessControl access;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PrincipalRemoval(AccessControl access, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.access = access;
		this.jdbc = jdbc;
		this.events = events;
	}

	public void removeUser(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_DELETE);
		int bindings = jdbc.sql("DELETE FROM access_binding WHERE principal_type = 'USER' AND principal_id = ?")
			.param(userId)
			.update();
		int memberships = jdbc.sql("DELETE FROM access_group_member WHERE user_id = ?").param(userId).update();
		int restrictions = jdbc.sql("DELETE FROM access_restriction WHERE user_id = ?").param(userId).update();
		events.publishEvent(new UserAccessRemoved(actor, userId, bindings, memberships, restrictions > 0));
	}
}
