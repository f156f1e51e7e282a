package io.gatehouse.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.GatehouseNode;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.gatehouse.support.GatehouseNode.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes started at the same moment on an empty database: one migrates it, one creates the System
 * Administrator, and all three are ready with exactly that one, even when each was told a different name for it.
 */
@EnabledIfSystemProperty(named = "gatehouse.test.db", matches = "postgresql",
		disabledReason = "several nodes share one PostgreSQL; H2 here is in-memory per JVM")
@ExtendWith(TestDatabase.class)
class SimultaneousFirstStartIntegrationTests {

	private final List<GatehouseNode> nodes = new ArrayList<>();

	@AfterEach
	void stop() {
		nodes.forEach(GatehouseNode::close);
	}

	@Test
	void threeNodesStartingAtOnceOnAnEmptyDatabaseMakeOneAdministrator() {
		String url = TestDatabase.url("gatehouse_first_start_test");
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<GatehouseNode>> starting = new ArrayList<>();
		for (String admin : List.of("first", "second", "third")) {
			starting.add(CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return GatehouseNode.start(url, Map.of("gatehouse.bootstrap.admin-username", admin,
						"gatehouse.bootstrap.admin-email", admin + "@example.com"));
			}));
		}
		go.countDown();
		starting.forEach(future -> nodes.add(future.join()));

		JdbcClient jdbc = nodes.get(0).bean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_binding WHERE role_id = ?")
			.param(BuiltInRoles.SYSTEM_ADMINISTRATOR).query(Integer.class).single()).isEqualTo(1);
		String admin = jdbc.sql("SELECT username FROM users_account").query(String.class).single();
		for (GatehouseNode node : nodes) {
			assertThat(status(node.anonymous().get().uri("/actuator/health/readiness"))).isEqualTo(200);
			node.signIn(admin, GatehouseNode.ADMIN_PASSWORD);
		}
	}
}
