package io.gatehouse.users;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A password change without the current password is only for a session of a user whose temporary password must be
 * changed: that session was started with it. Anyone else still proves the current password.
 */
class ForcedPasswordChangeIntegrationTests extends ApiIntegrationTest {

	@Autowired
	UserPasswords passwords;

	@Test
	void onlyASessionOfAUserWhoMustChangeTheirPasswordSkipsTheCurrentOne() {
		Map<String, Object> user = createUser(unique("forced"));
		UUID id = UUID.fromString((String) user.get("id"));
		String username = (String) user.get("username");
		Actor session = new Actor(id, username, "127.0.0.1", UUID.randomUUID(), null);

		// no temporary password: the current one is still asked for
		assertThatThrownBy(() -> passwords.changeForced(session, "Own-Choice-Pass-9"))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("current-password-invalid"));

		jdbc.sql("UPDATE users_account SET must_change_password = TRUE WHERE id = ?").param(id).update();
		// a credential other than a session (a token) is no proof of the sign-in with the temporary password
		Actor token = new Actor(id, username, "127.0.0.1", null, null);
		assertThatThrownBy(() -> passwords.changeForced(token, "Own-Choice-Pass-9"))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("current-password-invalid"));
		// the password it replaces is not a new one
		assertThatThrownBy(() -> passwords.changeForced(session, PASSWORD))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("validation-failed"));

		passwords.changeForced(session, "Own-Choice-Pass-9");
		assertThat(jdbc.sql("SELECT must_change_password FROM users_account WHERE id = ?").param(id)
			.query(Boolean.class).single()).isFalse();
		assertThat(passwords.verify(username, "Own-Choice-Pass-9").accepted()).isTrue();
	}
}
