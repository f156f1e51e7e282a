package io.gatehouse.access;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.support.TestDatabase;
import io.gatehouse.users.CreateUser;
import io.gatehouse.users.UserDeletion;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The last active System Administrator stays, whichever way one tries to remove them: nobody could make another.
 * A database of its own, since it counts every System Administrator of the instance.
 */
@SpringBootTest(properties = { "gatehouse.bootstrap.admin-username=root",
		"gatehouse.bootstrap.admin-password=Gatekeeper#2026x", "spring.datasource.hikari.maximum-pool-size=4",
		"spring.datasource.hikari.minimum-idle=1" })
@ExtendWith(TestDatabase.class)
class LastSystemAdministratorIntegrationTests {

	@Autowired
	private UserManagement users;

	@Autowired
	private UserDirectory directory;

	@Autowired
	private UserDeletion deletion;

	@Autowired
	private BindingManagement bindings;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url("gatehouse_last_admin_test"));
		registry.add("spring.datasource.username", TestDatabase::user);
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void theLastActiveSystemAdministratorIsNeitherDeactivatedNorDeletedNorUnbound() {
		UUID root = jdbc.sql("SELECT id FROM users_account WHERE username = 'root'").query(UUID.class).single();
		UUID second = systemAdministrator("second");
		onlyActive(root, second);
		users.deactivate(actor(second), root, null);

		// the system itself is held to it too, and so is the only one left
		assertLastSystemAdministrator(() -> users.deactivate(Actor.system(), second, null));
		assertLastSystemAdministrator(() -> deletion.delete(Actor.system(), second));
		UUID binding = bindings.ofUser(Actor.system(), second)
			.stream()
			.filter(view -> BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(view.roleId()))
			.findFirst()
			.orElseThrow()
			.id();
		assertLastSystemAdministrator(() -> bindings.unbind(Actor.system(), binding));
		assertThat(directory.get(Actor.system(), second).status()).isEqualTo(UserStatus.ACTIVE);

		// with another one active again, it can go
		users.reactivate(Actor.system(), root, null);
		bindings.unbind(actor(root), binding);
		assertThat(bindings.ofUser(Actor.system(), second)).isEmpty();
	}

	@Test
	void twoSystemAdministratorsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
		for (int round = 0; round < 5; round++) {
			// only these two are active: every other System Administrator of the database is deactivated first
			UUID first = systemAdministrator("first" + round);
			UUID second = systemAdministrator("second" + round);
			onlyActive(first, second);
			CyclicBarrier start = new CyclicBarrier(2);
			CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(() -> deactivate(start, first, second));
			CompletableFuture<Boolean> two = CompletableFuture.supplyAsync(() -> deactivate(start, second, first));
			List<Boolean> done = List.of(one.get(), two.get());
			assertThat(done).as("round " + round + ": which deactivation went through").containsOnlyOnce(true);
			long active = List.of(first, second)
				.stream()
				.filter(id -> directory.get(Actor.system(), id).status() == UserStatus.ACTIVE)
				.count();
			assertThat(active).isEqualTo(1);
		}
	}

	/** Makes these the only active System Administrators of the database. */
	private void onlyActive(UUID... kept) {
		List<UUID> keep = List.of(kept);
		for (UUID id : keep) {
			users.reactivate(Actor.system(), id, null);
		}
		for (UUID other : jdbc.sql("""
				SELECT principal_id FROM access_binding WHERE role_id = ? AND principal_type = 'USER'""")
			.param(BuiltInRoles.SYSTEM_ADMINISTRATOR)
			.query(UUID.class)
			.list()) {
			if (!keep.contains(other) && directory.get(Actor.system(), other).status() == UserStatus.ACTIVE) {
				users.deactivate(Actor.system(), other, null);
			}
		}
	}

	private boolean deactivate(CyclicBarrier start, UUID actor, UUID target) {
		try {
			start.await();
			users.deactivate(actor(actor), target, null);
			return true;
		}
		catch (DomainException ex) {
			return false;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private UUID systemAdministrator(String name) {
		String username = name + UUID.randomUUID().toString().substring(0, 6);
		return users.create(Actor.system(), new CreateUser(username, username + "@example.com", null, null, null,
				null, null, null, null, null, List.of(),
				List.of(new RoleGrant(BuiltInRoles.SYSTEM_ADMINISTRATOR, Resources.INSTANCE)))).id();
	}

	private Actor actor(UUID userId) {
		return new Actor(userId, directory.get(Actor.system(), userId).username(), "192.0.2.1", null, null);
	}

	private static void assertLastSystemAdministrator(Runnable removal) {
		assertThatThrownBy(removal::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("last-system-administrator"));
	}
}
