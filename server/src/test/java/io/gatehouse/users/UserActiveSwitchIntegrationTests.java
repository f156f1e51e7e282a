package io.gatehouse.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Change;
import io.gatehouse.shared.DomainException;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user form's Is Active switch is part of the update command: saved with the fields in one transaction, under the
 * checks and with the events of deactivate and reactivate.
 */
class UserActiveSwitchIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private UserManagement management;

	@Autowired
	private UserDirectory directory;

	@Test
	void switchingOffDeactivatesWithTheFieldsAndEndsTheSessions() {
		String name = unique("switch");
		UUID id = UUID.fromString((String) createUser(name).get("id"));
		SignedIn session = signIn(name, PASSWORD);

		User saved = management.update(Actor.system(), id, edit("Moved", false, 1L));

		assertThat(saved.status()).isEqualTo(UserStatus.DEACTIVATED);
		assertThat(saved.department()).isEqualTo("Moved");
		assertThat(saved.version()).as("the fields, then the status").isEqualTo(3);
		assertThat(directory.get(Actor.system(), id).status()).isEqualTo(UserStatus.DEACTIVATED);
		session.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		assertThat(actions(id)).contains("user.updated", "user.deactivated");

		User back = management.update(Actor.system(), id, edit("Moved", true, saved.version()));
		assertThat(back.status()).isEqualTo(UserStatus.ACTIVE);
		assertThat(back.version()).as("no field changed: only the status").isEqualTo(4);
		assertThat(actions(id)).contains("user.reactivated");
	}

	@Test
	void aSwitchThatAlreadyHoldsOrIsNotSentLeavesTheStatusAlone() {
		UUID id = UUID.fromString((String) createUser(unique("same")).get("id"));
		assertThat(management.update(Actor.system(), id, edit(null, true, 1L)).version()).isEqualTo(1);
		assertThat(management.update(Actor.system(), id, edit("Kept", null, 1L)).status())
			.isEqualTo(UserStatus.ACTIVE);
	}

	@Test
	void aRefusedSwitchKeepsTheFieldsFromBeingSavedEither() {
		Map<String, Object> me = admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult()
			.getResponseBody();
		UUID id = UUID.fromString((String) me.get("id"));
		Actor admin = new Actor(id, ADMIN, "127.0.0.1", null, null);
		String department = directory.get(admin, id).department();

		assertThatThrownBy(() -> management.update(admin, id, edit("Elsewhere", false, null)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("cannot-deactivate-self"));

		User after = directory.get(admin, id);
		assertThat(after.status()).isEqualTo(UserStatus.ACTIVE);
		assertThat(after.department()).isEqualTo(department);
	}

	private static UpdateUser edit(String department, Boolean active, Long version) {
		return new UpdateUser(Change.none(), Change.none(), Change.none(), Change.none(), Change.none(),
				department == null ? Change.none() : Change.to(department), Change.none(), null, null, active, version);
	}

	private List<String> actions(UUID id) {
		return jdbc.sql("SELECT action FROM audit_event WHERE target_id = ?").param(id.toString())
			.query(String.class).list();
	}
}
