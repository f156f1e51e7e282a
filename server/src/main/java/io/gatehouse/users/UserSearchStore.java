package io.gatehouse.users;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * A text search sorted by username is ranked: users whose username starts with the text first, in username order
 * (ascending or descending, as asked), then every other match, newest first (the cursor says which part it is in).
 * The first part is one range of the username index, so the page a name being typed asks for is an index range
 * whatever the size of the directory.
 * <p>
 * The other part is not in username order because text found inside names clusters there: "atri" finds the 22,000
 * Patricias of a million users, all of them under "p", so in username order its first page lay past 700,000 users
 * that do not match, or came from the trigram index after visiting every match in the table to sort them (200 ms).
 * The order users were created in does not follow their names, so the matches of a common text are spread through
 * it. The planner cannot estimate {@code LIKE '%text%'} on PostgreSQL, so that part is answered in two steps whose
 * cost is bounded: the matches among the next {@link #WINDOW} users newest first (a text matching one user in 400
 * fills the page there), else, the text being rare, from the trigram index alone (the other plans switched off for
 * that one statement), which then visits few rows. H2 runs the plain queries.
 */
@Component
class UserSearchStore {

	static final int WINDOW = 20_000;

	static final int PROBE = 4_000;

	private static final String NEWEST = " ORDER BY u.created_at DESC, u.id DESC";

	private final JdbcClient jdbc;

	private final TrigramPlanStore database;

	UserSearchStore(JdbcClient jdbc, TrigramPlanStore database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	UserPage run(UserSearch search, Instant now) {
		return search(search, now);
	}

	/**
	 * The page and how many users the search finds in all pages, counted up to {@code bound}: what the console's list
	 * shows. A first page that holds every match is its own count, with no query.
	 */
	Counted runCounted(UserSearch search, Instant now, int bound) {
		UserPage page = search(search, now);
		if (search.cursor() == null && page.nextCursor() == null) {
			// the first page holds every match: nothing left to count
			return new Counted(page, page.items().size());
		}
		return new Counted(page, count(search, now, bound));
	}

	record Counted(UserPage page, long count) {
	}

	private UserPage search(UserSearch search, Instant now) {
		String text = searchText(search.query());
		if (text == null || search.sort().field() != UserSort.Field.USERNAME) {
			return unranked(search, now, text);
		}
		Cursor cursor = search.cursor() == null ? null : Cursor.decode(search.cursor(), search.sort(), true);
		List<Row> rows = new ArrayList<>();
		if (cursor == null || cursor.rank() == Rank.PREFIX) {
			rows.addAll(prefixRows(search, now, text, cursor, search.limit() + 1));
			if (rows.size() > search.limit()) {
				return page(search, rows);
			}
			cursor = null;
		}
		int wanted = search.limit() + 1 - rows.size();
		if (database.isPostgres()) {
			List<Row> window = window(search, now, cursor, wanted);
			if (window == null && text.length() >= 3) {
				Cursor after = cursor;
				window = database.withTrigramIndexOnly(() -> restRows(search, now, after, wanted));
			}
			rows.addAll(window != null ? window : restRows(search, now, cursor, wanted));
		}
		else {
			rows.addAll(restRows(search, now, cursor, wanted));
		}
		return page(search, rows);
	}

	/** A search without text, or sorted by another column: one query. */
	private UserPage unranked(UserSearch search, Instant now, String text) {
		UserSort sort = search.sort();
		StringBuilder sql = new StringBuilder("SELECT ").append(UserStore.COLUMNS)
			.append(", ").append(sort.field().expression).append(" AS sort_value FROM users_account u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filters(search, now, sql, params);
		if (search.cursor() != null) {
			Cursor cursor = Cursor.decode(search.cursor(), sort, false);
			String op = sort.descending() ? "<" : ">";
			sql.append(" AND (").append(sort.field().expression).append(' ').append(op).append(" :cursorValue OR (")
				.append(sort.field().expression).append(" = :cursorValue AND u.id ").append(op).append(" :cursorId))");
			params.put("cursorValue", cursor.value());
			params.put("cursorId", cursor.id());
		}
		String direction = sort.descending() ? " DESC" : " ASC";
		String order = " ORDER BY " + sort.field().expression + direction + ", u.id" + direction;
		return page(search, rows(sql, params, order, search.limit() + 1, null));
	}

	/**
	 * The users whose username starts with the text, after the cursor: on PostgreSQL, where the column compares
	 * bytewise (migration V1), {@code LIKE 'text%'} is one range of the username index, read from the covering index
	 * of migration V20 without visiting the table for users the filters drop.
	 */
	private List<Row> prefixRows(UserSearch search, Instant now, String text, Cursor cursor, int limit) {
		UserSort sort = search.sort();
		Map<String, Object> params = new HashMap<>();
		StringBuilder matches = new StringBuilder("SELECT u.id FROM users_account u WHERE u.username_normalized LIKE :prefix ESCAPE '\\'");
		params.put("prefix", escapeLike(text) + "%");
		filters(search, now, matches, params, false);
		if (cursor != null) {
			// a row comparison, which PostgreSQL reads as a range of the index, so a later page starts where it is
			matches.append(" AND (u.username_normalized, u.id) ").append(sort.descending() ? "<" : ">")
				.append(" (:cursorValue, :cursorId)");
			params.put("cursorValue", cursor.value());
			params.put("cursorId", cursor.id());
		}
		String order = " ORDER BY u.username_normalized" + (sort.descending() ? " DESC, u.id DESC" : ", u.id");
		matches.append(order).append(" LIMIT :limit");
		params.put("limit", limit);
		StringBuilder sql = new StringBuilder("SELECT ").append(UserStore.COLUMNS)
			.append(", u.username_normalized AS sort_value FROM users_account u WHERE u.id IN (").append(matches)
			.append(")");
		return rows(sql, params, order, limit, Rank.PREFIX);
	}

	/** Every other match, after the cursor (a cursor of the first part starts this part from its beginning). */
	private List<Row> restRows(UserSearch search, Instant now, Cursor cursor, int limit) {
		StringBuilder sql = new StringBuilder("SELECT ").append(UserStore.COLUMNS)
			.append(", u.created_at AS sort_value FROM users_account u WHERE u.search_text NOT LIKE :prefix ESCAPE '\\'");
		Map<String, Object> params = new HashMap<>();
		params.put("prefix", escapeLike(searchText(search.query())) + "%");
		textFilters(search, now, sql, params);
		afterCursor(cursor, sql, params);
		return rows(sql, params, NEWEST, limit, Rank.OTHER);
	}

	/**
	 * The other matches among the next {@link #WINDOW} users newest first alone; null when they hold fewer than
	 * {@code limit}. The window is read from the covering index of migration V24 alone, without visiting the table,
	 * and only the page's rows are read in full.
	 */
	private List<Row> window(UserSearch search, Instant now, Cursor cursor, int limit) {
		// A first look at a fifth of the window: a text it finds a handful of times is rare, and cheaper to look up in
		// the trigram index (which visits every match) than to read the rest of the window for.
		List<Row> probe = windowRows(search, now, cursor, limit, PROBE);
		if (probe.size() >= limit) {
			return probe;
		}
		if ((long) probe.size() * (WINDOW / PROBE) < limit && searchText(search.query()).length() >= 3) {
			return null;
		}
		List<Row> rows = windowRows(search, now, cursor, limit, WINDOW);
		return rows.size() < limit ? null : rows;
	}

	private List<Row> windowRows(UserSearch search, Instant now, Cursor cursor, int limit, int size) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder window = new StringBuilder("SELECT u.id, u.search_text, u.status, u.last_login_at, u.created_at"
				+ " FROM users_account u WHERE 1 = 1");
		afterCursor(cursor, window, params);
		window.append(NEWEST).append(" LIMIT :window");
		params.put("window", size);
		StringBuilder matches = new StringBuilder("SELECT u.id FROM (").append(window)
			.append(") u WHERE u.search_text NOT LIKE :prefix ESCAPE '\\'");
		params.put("prefix", escapeLike(searchText(search.query())) + "%");
		filters(search, now, matches, params);
		matches.append(NEWEST).append(" LIMIT :limit");
		params.put("limit", limit);
		StringBuilder sql = new StringBuilder("SELECT ").append(UserStore.COLUMNS)
			.append(", u.created_at AS sort_value FROM users_account u WHERE u.id IN (").append(matches).append(")");
		return rows(sql, params, NEWEST, limit, Rank.OTHER);
	}

	/**
	 * How many users the search finds, counted up to {@code bound}: a count past it would read the whole directory
	 * for a figure nobody needs exactly.
	 */
	long count(UserSearch search, Instant now, int bound) {
		// A ranked search adds up its two parts: the username range, then the other matches.
		String text = searchText(search.query());
		if (text == null) {
			return countAll(search, now, bound, null);
		}
		String prefix = escapeLike(text) + "%";
		long prefixed = 0;
		if (search.sort().field() == UserSort.Field.USERNAME) {
			Map<String, Object> params = new HashMap<>();
			StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM users_account u WHERE u.username_normalized LIKE :prefix ESCAPE '\\'");
			params.put("prefix", prefix);
			filters(search, now, sql, params, false);
			sql.append(" LIMIT :bound) matched");
			params.put("bound", bound);
			prefixed = jdbc.sql(sql.toString()).params(params).query(Long.class).single();
			if (prefixed >= bound) {
				return prefixed;
			}
		}
		String rest = search.sort().field() == UserSort.Field.USERNAME ? prefix : null;
		int left = (int) (bound - prefixed);
		if (text.length() >= 3 && database.isPostgres()) {
			// Counting to the bound visits the table once per match from the trigram index (about 10 µs each), or
			// reads the covering index of V24 in creation order until the bound is reached (matches spread evenly
			// there, about 1 µs each): the index only for a text matching one user in ten or more, as the first
			// users of that order tell.
			long sampled = countNewest(search, now, PROBE, rest, PROBE);
			if (sampled * 10 >= PROBE) {
				return prefixed + countNewest(search, now, left, rest, null);
			}
			return prefixed + database.withTrigramIndexOnly(() -> countAll(search, now, left, rest));
		}
		return prefixed + countAll(search, now, left, rest);
	}

	/** The matches among the first {@code window} users newest first (all when null), counted up to the bound. */
	private long countNewest(UserSearch search, Instant now, int bound, String excluded, Integer window) {
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM (SELECT u.id, u.search_text,"
				+ " u.status, u.last_login_at, u.created_at FROM users_account u").append(NEWEST);
		Map<String, Object> params = new HashMap<>();
		if (window != null) {
			sql.append(" LIMIT :window");
			params.put("window", window);
		}
		sql.append(") u WHERE 1 = 1");
		if (excluded != null) {
			sql.append(" AND u.search_text NOT LIKE :prefix ESCAPE '\\'");
			params.put("prefix", excluded);
		}
		filters(search, now, sql, params);
		sql.append(" LIMIT :bound) matched");
		params.put("bound", bound);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/** The matches counted up to the bound; those whose username starts with {@code excluded}'s pattern left out. */
	private long countAll(UserSearch search, Instant now, int bound, String excluded) {
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 FROM users_account u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (excluded != null) {
			sql.append(" AND u.username_normalized NOT LIKE :prefix ESCAPE '\\'");
			params.put("prefix", excluded);
		}
		textFilters(search, now, sql, params);
		sql.append(" LIMIT :bound) matched");
		params.put("bound", bound);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/**
	 * The search's conditions where the whole table is searched. A text with a space can only be found in the full
	 * name (usernames and emails hold none), so it is asked of the full name alone, and of the full name without
	 * spaces (migration V25) without its spaces too, which drops no match: PostgreSQL then reads that column's trigram
	 * index, whose trigrams spanning first and last name ("patriciapat" holds "iap") only the users who can match
	 * hold, rather than every user whose first name holds every trigram of the text ("patricia pat"), and the index
	 * of search_text not at all.
	 */
	private static void textFilters(UserSearch search, Instant now, StringBuilder sql, Map<String, Object> params) {
		String text = searchText(search.query());
		if (text == null || text.indexOf(' ') < 0) {
			filters(search, now, sql, params);
			return;
		}
		sql.append(" AND u.full_name_joined LIKE :joined ESCAPE '\\'");
		params.put("joined", "%" + escapeLike(text.replace(" ", "")) + "%");
		sql.append(" AND COALESCE(u.first_name_normalized, '') || ' ' || COALESCE(u.last_name_normalized, '')")
			.append(" LIKE :text ESCAPE '\\'");
		params.put("text", "%" + escapeLike(text) + "%");
		filters(search, now, sql, params, false);
	}

	private static void filters(UserSearch search, Instant now, StringBuilder sql, Map<String, Object> params) {
		filters(search, now, sql, params, true);
	}

	/**
	 * The search's conditions; without the text where the username is known to start with it (the planner, offered
	 * the text, would read the trigram index and sort what it finds instead of reading the username range in order).
	 */
	private static void filters(UserSearch search, Instant now, StringBuilder sql, Map<String, Object> params,
			boolean withText) {
		String text = searchText(search.query());
		if (text != null && withText) {
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

	/** The other matches after the cursor, newest first: a row comparison, read as a range of the index. */
	private static void afterCursor(Cursor cursor, StringBuilder sql, Map<String, Object> params) {
		if (cursor != null) {
			sql.append(" AND (u.created_at, u.id) < (:cursorValue, :cursorId)");
			params.put("cursorValue", cursor.value());
			params.put("cursorId", cursor.id());
		}
	}

	private List<Row> rows(StringBuilder sql, Map<String, Object> params, String order, int limit, Rank rank) {
		sql.append(order).append(" LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Row(UserStore.map(rs, n), rs.getObject("sort_value"), rank))
			.list();
	}

	/** The first {@code limit} rows, and a cursor when there were more. */
	private static UserPage page(UserSearch search, List<Row> rows) {
		if (rows.size() <= search.limit()) {
			return new UserPage(rows.stream().map(Row::user).toList(), null);
		}
		List<Row> page = rows.subList(0, search.limit());
		Row last = page.get(page.size() - 1);
		return new UserPage(page.stream().map(Row::user).toList(),
				Cursor.encode(search.sort(), last.sortValue(), last.user().id(), last.rank()));
	}

	static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The two parts of a ranked search, in the order they are listed. */
	enum Rank {
		PREFIX, OTHER
	}

	private record Row(User user, Object sortValue, Rank rank) {
	}

	/** Opaque to clients; bound to the sort it was made for, so it cannot be replayed under another order. */
	record Cursor(Object value, UUID id, Rank rank) {

		static String encode(UserSort sort, Object value, UUID id, Rank rank) {
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
			String raw = header(sort, rank) + "\n" + id + "\n" + text;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		/** A cursor of a ranked search names its part, so it cannot be replayed in an unranked one either. */
		private static String header(UserSort sort, Rank rank) {
			return rank == null ? sort.toString() : sort + ";" + rank.name().toLowerCase(java.util.Locale.ROOT);
		}

		static Cursor decode(String cursor, UserSort sort, boolean ranked) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
				Rank rank = null;
				if (parts.length == 3 && ranked) {
					for (Rank candidate : Rank.values()) {
						if (parts[0].equals(header(sort, candidate))) {
							rank = candidate;
						}
					}
				}
				if (parts.length != 3 || !parts[0].equals(header(sort, rank)) || ranked != (rank != null)) {
					throw invalid();
				}
				Object value = rank == Rank.OTHER ? Instant.parse(parts[2]).atOffset(ZoneOffset.UTC)
						: switch (sort.field()) {
							case USERNAME, EMAIL -> parts[2];
							case CREATED_AT, LAST_LOGIN_AT -> Instant.parse(parts[2]).atOffset(ZoneOffset.UTC);
						};
				return new Cursor(value, UUID.fromString(parts[1]), rank);
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
