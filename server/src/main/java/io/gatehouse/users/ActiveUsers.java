package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.access.UserStatusSource;
import io.gatehouse.shared.CreatedInTransaction;
import org.springframework.stereotype.Component;

/** Tells the access module which users may act: those that exist and are active. */
@Component
class ActiveUsers implements UserStatusSource {

	private final UserStore users;

	ActiveUsers(UserStore users) {
		this.users = users;
	}

	@Override
	public boolean isActive(UUID userId) {
		return users.findById(userId).map(User::isActive).orElse(false);
	}

	@Override
	public boolean exists(UUID userId) {
		// a user this transaction inserted is there: the read would only find the row just written
		return CreatedInTransaction.contains(userId) || users.findLive(userId).isPresent();
	}
}
