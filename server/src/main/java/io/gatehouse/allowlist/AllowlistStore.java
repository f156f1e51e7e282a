package io.gatehouse.allowlist;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AllowlistStore {

	private final JdbcClient jdbc;

	AllowlistStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> rulesOf(UUID userId) {
		return jdbc.sql("SELECT rule_text FROM allowlist_rule WHERE user_id = ? ORDER BY rule_order")
			.param(userId)
			.query(String.class)
			.list();
	}

	void replace(UUID userId, List<String> rules) {
		jdbc.sql("DELETE FROM allowlist_rule WHERE user_id = ?").param(userId).update();
		for (int i = 0; i < rules.size(); i++) {
			jdbc.sql("INSERT INTO allowlist_rule (user_id, rule_order, rule_text) VALUES (?, ?, ?)")
				.params(userId, i, rules.get(i))
				.update();
		}
	}
}
