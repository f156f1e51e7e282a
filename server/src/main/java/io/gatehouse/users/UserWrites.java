package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Reads an account to change and writes it back only over the version it was read at: of two concurrent changes the
 * first wins and the second fails as stale, instead of silently undoing the first.
 */
@Component
class UserWrites {

	private final UserStore users;

	UserWrites(UserStore users) {
		this.users = users;
	}

	User existing(UUID id) {
		return users.findLive(id).orElseThrow(UserStore::notFound);
	}

	static void checkVersion(User current, Long expectedVersion) {
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale();
		}
	}

	void write(User updated, long expectedVersion) {
		boolean written;
		try {
			written = users.update(updated, expectedVersion);
		}
		catch (DuplicateKeyException ex) {
			// another account took the address after the check above: the constraint has the last word
			throw UserStore.duplicate(ex);
		}
		if (!written) {
			throw stale();
		}
	}

	private static DomainException stale() {
		return DomainException.versionMismatch("user");
	}
}
