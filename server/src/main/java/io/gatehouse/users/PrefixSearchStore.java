package io.gatehouse.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users list's most common question, on PostgreSQL: a name or email prefix, sorted by username, with no other
 * filter. One query with an OR over four columns has no good plan at a million users: sorting every match of a
 * common name, or walking the username index past a whole alphabet of non-matches, took seconds. Here each column
 * answers on its own in username order and only the first page of each is merged:
 * <ul>
 * <li>username: its index from the prefix on, already in order; the matches are the first rows there, so the page is
 * cut at the prefix's end afterwards (bounded in the scan, a poor estimate of the range made PostgreSQL sort it);</li>
 * <li>first and last name: few distinct values per prefix, so the distinct values are found by hopping through
 * the name index, then each value's users are read from (name, username) in order;</li>
 * <li>email: a range of the (email, username, id) index, read without touching the table and sorted, leaving out
 * users the username branch finds anyway (most: the username is often the email's local part); its rows are
 * checked for deleted users afterwards, and when that could have cut the page short the general query answers.</li>
 * </ul>
 * H2, where directories are small, keeps the general query.
 */
@Component
class PrefixSearchStore {

	// the largest code point: every string that starts with the prefix sorts below prefix + this, in byte order
	private static final String AFTER_PREFIX = new String(Character.toChars(Character.MAX_CODE_POINT));

	private static final int EMAIL_BRANCH = 2;

	// usernames are unique, so they alone order the page and place the cursor; that lets each branch read in order
	private static final String CURSOR = " AND username_normalized > :cursorValue";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile Boolean postgres;

	PrefixSearchStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	boolean applies(UserSearch search) {
		return search.query() != null && !search.query().isBlank() && search.sort().field() == UserSort.Field.USERNAME
				&& !search.sort().descending() && search.status() == null && search.dormantDays() == null
				&& search.role() == null && search.group() == null && isPostgres();
	}

	/**
	 * Up to {@code wanted} live users whose username, email, first or last name starts with {@code prefix}, after
	 * the cursor, in username order; null when the general query must answer.
	 */
	List<User> run(String prefix, UserSearchStore.Cursor cursor, int wanted) {
		String after = cursor == null ? "" : CURSOR;
		String sql = """
				WITH RECURSIVE first_names (v) AS (
				    (SELECT first_name_normalized FROM users_account
				     WHERE first_name_normalized >= :lo AND first_name_normalized < :hi ORDER BY 1 LIMIT 1)
				    UNION ALL
				    SELECT (SELECT f.first_name_normalized FROM users_account f
				            WHERE f.first_name_normalized > n.v AND f.first_name_normalized < :hi ORDER BY 1 LIMIT 1)
				    FROM first_names n WHERE n.v IS NOT NULL),
				last_names (v) AS (
				    (SELECT last_name_normalized FROM users_account
				     WHERE last_name_normalized >= :lo AND last_name_normalized < :hi ORDER BY 1 LIMIT 1)
				    UNION ALL
				    SELECT (SELECT l.last_name_normalized FROM users_account l
				            WHERE l.last_name_normalized > n.v AND l.last_name_normalized < :hi ORDER BY 1 LIMIT 1)
				    FROM last_names n WHERE n.v IS NOT NULL),
				hits (id, k, branch) AS (
				    (SELECT s.id, s.k, 1 FROM (
				         SELECT id, username_normalized AS k FROM users_account
				         WHERE username_normalized >= :lo AND status <> 'DELETED' AFTER
				         ORDER BY username_normalized LIMIT :wanted) s
				     WHERE s.k < :hi)
				    UNION ALL
				    (SELECT id, username_normalized, 2 FROM users_account
				     WHERE email_normalized >= :lo AND email_normalized < :hi AFTER
				       AND NOT (username_normalized >= :lo AND username_normalized < :hi)
				     ORDER BY username_normalized || '' LIMIT :wanted)
				    UNION ALL
				    (SELECT x.id, x.k, 3 FROM first_names n CROSS JOIN LATERAL (
				         SELECT id, username_normalized AS k FROM users_account
				         WHERE first_name_normalized = n.v AND status <> 'DELETED' AFTER
				         ORDER BY username_normalized LIMIT :wanted) x
				     WHERE n.v IS NOT NULL ORDER BY x.k LIMIT :wanted)
				    UNION ALL
				    (SELECT x.id, x.k, 4 FROM last_names n CROSS JOIN LATERAL (
				         SELECT id, username_normalized AS k FROM users_account
				         WHERE last_name_normalized = n.v AND status <> 'DELETED' AFTER
				         ORDER BY username_normalized LIMIT :wanted) x
				     WHERE n.v IS NOT NULL ORDER BY x.k LIMIT :wanted))
				SELECT COLUMNS, h.branch FROM hits h JOIN users_account u ON u.id = h.id
				ORDER BY h.k"""
			.replace("AFTER", after)
			.replace("COLUMNS", UserStore.COLUMNS);
		JdbcClient.StatementSpec statement = jdbc.sql(sql)
			.param("lo", prefix)
			.param("hi", prefix + AFTER_PREFIX)
			.param("wanted", wanted);
		if (cursor != null) {
			statement = statement.param("cursorValue", cursor.value());
		}
		List<Hit> hits = statement.query((rs, n) -> new Hit(UserStore.map(rs, n), rs.getInt("branch"))).list();
		int fromEmail = 0;
		boolean deletedFromEmail = false;
		for (Hit hit : hits) {
			if (hit.branch() == EMAIL_BRANCH) {
				fromEmail++;
				deletedFromEmail |= hit.user().status() == UserStatus.DELETED;
			}
		}
		if (fromEmail == wanted && deletedFromEmail) {
			return null;
		}
		List<User> users = new ArrayList<>(wanted);
		Set<java.util.UUID> seen = new HashSet<>();
		for (Hit hit : hits) {
			if (users.size() == wanted) {
				break;
			}
			if (hit.user().status() != UserStatus.DELETED && seen.add(hit.user().id())) {
				users.add(hit.user());
			}
		}
		return users;
	}

	private boolean isPostgres() {
		Boolean known = postgres;
		if (known == null) {
			try (Connection connection = dataSource.getConnection()) {
				known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			}
			catch (SQLException ex) {
				return false;
			}
			postgres = known;
		}
		return known;
	}

	private record Hit(User user, int branch) {
	}
}
