package io.gatehouse.users;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users list query: search anywhere in the names and email, filters, keyset pagination and a bounded count. The
 * SQL is assembled from fixed fragments only; every value the client sent is a bound parameter.
 * <p>
 * On PostgreSQL a search text meets a planner that cannot estimate {@code LIKE '%text%'}: it walked the username
 * index past a million non-matches for a rare name (seconds), or built the trigram bitmap of a common one and
 * sorted it. So a text search sorted by username is answered in two steps whose cost is bounded: the matches among
 * the next {@link #WINDOW} users in that order (a common text fills the page there), else, the text being rare, from
 * the trigram index alone (the other plans switched off for that one statement). H2 keeps the plain query.
 */
@Component
class UserSearchStore {

	static final int WINDOW = 20_000;

	private final JdbcClient jdbc;

	private final TrigramPlanStore database;

	UserSearchStore(JdbcClient jdbc, TrigramPlanStore database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	UserPage run(UserSearch search, Instant now) {
		String text = searchText(search.query());
		if (text != null && search.sort().field() == UserSort.Field.USERNAME && database.isPostgres()) {
			UserPage dense = window(search, now);
			if (dense != null) {
				return dense;
			}
			if (text.length() >= 3) {
				return database.withTrigramIndexOnly(() -> general(search, now));
			}
		}
		return general(search, now);
	}

	/**
	 * The page from the next {@link #WINDOW} users in username order alone; null when they hold too few matches.
	 * The window is read from the covering username index alone (migration V20), without visiting the table, and only
	 * the page's rows are read in full.
	 */
	private UserPage window(UserSearch search, Instant now) {
		UserSort sort = search.sort();
		String direction = sort.descending() ? " DESC" : " ASC";
		String order = " ORDER BY u.username_normalized" + direction + ", u.id" + direction;
		Map<String, Object> params = new HashMap<>();
		StringBuilder window = new StringBuilder("SELECT u.id, u.username_normalized, u.search_text, u.status,"
				+ " u.last_login_at, u.created_at FROM users_account u");
		if (search.cursor() != null) {
			Cursor cursor = Cursor.decode(search.cursor(), sort);
			// a row comparison, which PostgreSQL reads as a range of the index, so a later page starts where it is
			window.append(" WHERE (u.username_normalized, u.id) ").append(sort.descending() ? "<" : ">")
				.append(" (:cursorValue, :cursorId)");
			params.put("cursorValue", cursor.value());
			params.put("cursorId", cursor.id());
		}
		window.append(order).append(" LIMIT :window");
		params.put("window", WINDOW);
		StringBuilder matches = new StringBuilder("SELECT u.id FROM (").append(window).append(") u WHERE 1 = 1");
		filters(search, now, matches, params);
		matches.append(order).append(" LIMIT :limit");
		StringBuilder sql = new StringBuilder("SELECT ").append(UserStore.COLUMNS)
			.append(", u.username_normalized AS sort_value FROM users_account u WHERE u.id IN (").append(matches)
			.append(")");
		UserPage page = order(search, sql, params);
		return page.nextCursor() == null ? null : page;
	}

	private UserPage general(UserSearch search, Instant now) {
		UserSort sort = search.sort();
		StringBuilder sql = new StringBuilder("SELECT ").append(UserStore.COLUMNS)
			.append(", ").append(sort.field().expression).append(" AS sort_value FROM users_account u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filters(search, now, sql, params);
		return runPage(search, sql, params);
	}

	/**
	 * How many users the search finds, counted up to {@code bound}: a count past it would read the whole directory
	 * for a figure nobody needs exactly.
	 */
	long count(UserSearch search, Instant now, int bound) {
		String text = searchText(search.query());
		// a rare text is counted from the trigram index; a common one by reading until the bound is reached
		if (text != null && text.length() >= 3 && database.isPostgres() && window(search, now) == null) {
			return database.withTrigramIndexOnly(() -> countAll(search, now, bound));
		}
		return countAll(search, now, bound);
	}

	private long countAll(UserSearch search, Instant now, int bound) {
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM users_account u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filters(search, now, sql, params);
		sql.append(" LIMIT :bound) matched");
		params.put("bound", bound);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private static void filters(UserSearch search, Instant now, StringBuilder sql, Map<String, Object> params) {
		String text = searchText(search.query());
		if (text != null) {
			// search_text holds username, email and "first last", one per line (see migration V17)
			sql.append(" AND u.search_text LIKE :text ESCAPE '\\'");
			params.put("text", "%" + escapeLike(text) + "%");
		}
		if (search.status() != null) {
			sql.append(" AND u.status = :status");
			params.put("status", search.status().name());
		}
		else {
			sql.append(" AND u.status <> 'DELETED'");
		}
		if (search.dormantDays() != null) {
			sql.append(" AND (u.last_login_at < :cutoff OR (u.last_login_at IS NULL AND u.created_at < :cutoff))");
			params.put("cutoff", Timestamps.of(now.minusSeconds(86_400L * search.dormantDays())));
		}
		// The role and group filters read the access module's tables: the users list is a read model across both,
		// kept in one query so that keyset paging stays exact.
		if (search.role() != null) {
			sql.append(" ").append("""
					AND u.id IN (SELECT b.principal_id FROM access_binding b
					     WHERE b.principal_type = 'USER' AND b.role_id = :role
					   UNION SELECT m.user_id FROM access_group_member m JOIN access_binding b
					     ON b.principal_type = 'GROUP' AND b.principal_id = m.group_id AND b.role_id = :role)""");
			params.put("role", search.role());
		}
		if (search.group() != null) {
			sql.append(" AND u.id IN (SELECT m.user_id FROM access_group_member m WHERE m.group_id = :group)");
			params.put("group", search.group());
		}
	}

	/** The query as the search column holds text: lower case, runs of spaces as one; null when nothing is left. */
	static String searchText(String query) {
		if (query == null || query.isBlank()) {
			return null;
		}
		return UserRules.normalize(query.strip().replaceAll("\\s+", " "));
	}

	private UserPage runPage(UserSearch search, StringBuilder sql, Map<String, Object> params) {
		cursor(search, sql, params);
		return order(search, sql, params);
	}

	private static void cursor(UserSearch search, StringBuilder sql, Map<String, Object> params) {
		UserSort sort = search.sort();
		if (search.cursor() != null) {
			Cursor cursor = Cursor.decode(search.cursor(), sort);
			String op = sort.descending() ? "<" : ">";
			sql.append(" AND (").append(sort.field().expression).append(' ').append(op).append(" :cursorValue OR (")
				.append(sort.field().expression).append(" = :cursorValue AND u.id ").append(op).append(" :cursorId))");
			params.put("cursorValue", cursor.value());
			params.put("cursorId", cursor.id());
		}
	}

	private UserPage order(UserSearch search, StringBuilder sql, Map<String, Object> params) {
		UserSort sort = search.sort();
		String direction = sort.descending() ? " DESC" : " ASC";
		sql.append(" ORDER BY ").append(sort.field().expression).append(direction).append(", u.id").append(direction);
		sql.append(" LIMIT :limit");
		params.put("limit", search.limit() + 1);

		List<Row> rows = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Row(UserStore.map(rs, n), rs.getObject("sort_value")))
			.list();
		if (rows.size() <= search.limit()) {
			return new UserPage(rows.stream().map(Row::user).toList(), null);
		}
		List<Row> page = rows.subList(0, search.limit());
		Row last = page.get(page.size() - 1);
		return new UserPage(page.stream().map(Row::user).toList(), Cursor.encode(sort, last.sortValue(), last.user().id()));
	}

	static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record Row(User user, Object sortValue) {
	}

	/** Opaque to clients; bound to the sort it was made for, so it cannot be replayed under another order. */
	record Cursor(Object value, UUID id) {

		static String encode(UserSort sort, Object value, UUID id) {
			String text;
			if (value instanceof OffsetDateTime time) {
				text = time.toInstant().toString();
			}
			else if (value instanceof Timestamp time) {
				text = time.toInstant().toString();
			}
			else {
				text = value.toString();
			}
			String raw = sort + "\n" + id + "\n" + text;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor, UserSort sort) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
				if (parts.length != 3 || !parts[0].equals(sort.toString())) {
					throw invalid();
				}
				Object value = switch (sort.field()) {
					case USERNAME, EMAIL -> parts[2];
					case CREATED_AT, LAST_LOGIN_AT -> Instant.parse(parts[2]).atOffset(ZoneOffset.UTC);
				};
				return new Cursor(value, UUID.fromString(parts[1]));
			}
			catch (IllegalArgumentException | java.time.DateTimeException ex) {
				throw invalid();
			}
		}

		private static DomainException invalid() {
			return DomainException.invalidField("cursor", "cursor",
					"is not a cursor of this list and sort order; start again without one");
		}
	}
}
