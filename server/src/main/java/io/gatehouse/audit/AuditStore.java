package io.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log written in batches and read back: filters and keyset pagination, newest first. Each page is a range scan of an index that
 * ends in {@code (occurred_at, id)} (see V10), so page 1,000 costs what page 1 does, however big the table. The SQL
 * is assembled from fixed fragments; every value the client sent is a bound parameter.
 */
@Component
class AuditStore {

	private static final String COLUMNS = """
			id, occurred_at, actor_id, actor_username, action, target_type, target_id, client_ip, outcome, details""";

	private static final String INSERT = """
			INSERT INTO audit_event (id, occurred_at, actor_id, actor_username, action, target_type, target_id,
			    client_ip, outcome, details)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final JsonMapper json;

	AuditStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.json = json;
	}

	/** Rows in the column order of {@link #COLUMNS}, details as JSON. */
	void insert(List<Object[]> rows) {
		batches.batchUpdate(INSERT, rows);
	}

	/** @param involving when given, only events this user did or that were done to them */
	AuditPage run(AuditSearch search, UUID involving) {
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_event WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (involving != null) {
			sql.append(" AND (actor_id = :involving OR target_id = :involvingText)");
			params.put("involving", involving);
			params.put("involvingText", involving.toString());
		}
		if (search.actor() != null) {
			UUID actorId = search.actorId();
			if (actorId != null) {
				sql.append(" AND actor_id = :actorId");
				params.put("actorId", actorId);
			}
			else {
				sql.append(" AND actor_username = :actorName");
				params.put("actorName", search.actor());
			}
		}
		String prefix = search.actionPrefix();
		if (prefix != null && !prefix.isEmpty()) {
			sql.append(" AND action LIKE :actionPrefix ESCAPE '\\'");
			params.put("actionPrefix", escapeLike(prefix) + "%");
		}
		else if (prefix == null && search.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", search.action());
		}
		if (search.targetType() != null) {
			sql.append(" AND target_type = :targetType");
			params.put("targetType", search.targetType());
		}
		if (search.targetId() != null) {
			sql.append(" AND target_id = :targetId");
			params.put("targetId", search.targetId());
		}
		if (search.outcome() != null) {
			sql.append(" AND outcome = :outcome");
			params.put("outcome", search.outcome());
		}
		if (search.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", Timestamps.of(search.from()));
		}
		if (search.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", Timestamps.of(search.to()));
		}
		if (search.cursor() != null) {
			Cursor cursor = Cursor.decode(search.cursor());
			sql.append(" AND (occurred_at < :cursorAt OR (occurred_at = :cursorAt AND id < :cursorId))");
			params.put("cursorAt", Timestamps.of(cursor.occurredAt()));
			params.put("cursorId", cursor.id());
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(search.limit() + 1);
		List<AuditEvent> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> event(rs)).list();
		if (rows.size() <= search.limit()) {
			return new AuditPage(rows, null);
		}
		List<AuditEvent> page = rows.subList(0, search.limit());
		AuditEvent last = page.get(page.size() - 1);
		return new AuditPage(List.copyOf(page), Cursor.encode(last.occurredAt(), last.id()));
	}

	private AuditEvent event(ResultSet rs) throws SQLException {
		return new AuditEvent(rs.getObject("id", UUID.class), Timestamps.read(rs, "occurred_at"),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_username"), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("client_ip"),
				rs.getString("outcome"), details(rs.getString("details")));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> details(String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		try {
			return json.readValue(text, LinkedHashMap.class);
		}
		catch (JacksonException ex) {
			// written by AuditLog as JSON; should a row ever hold something else, show it rather than fail the page
			return Map.of("text", text);
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Opaque to clients: the time and id of the last event of a page. */
	record Cursor(Instant occurredAt, UUID id) {

		static String encode(Instant occurredAt, UUID id) {
			String raw = occurredAt + "\n" + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
				if (parts.length != 2) {
					throw invalid();
				}
				return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
			}
			catch (IllegalArgumentException | DateTimeException ex) {
				throw invalid();
			}
		}

		private static DomainException invalid() {
			return DomainException.invalidField("cursor", "cursor",
					"is not a cursor of this list; start again without one");
		}
	}
}
