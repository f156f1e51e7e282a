package io.gatehouse.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Adds users straight into a Gatehouse PostgreSQL database with COPY, the way the server would have written them
 * (no password, active, internal), so a million-user directory takes a minute instead of hours through the API.
 * Then runs VACUUM ANALYZE, as autovacuum soon would after a bulk load: the planner sees the new row counts, and the
 * visibility map lets the search read its pages from the indexes alone, as it can on a table in steady use. The
 * other tables are analyzed too: the load run's users-created phase writes tens of thousands of role bindings
 * just before, and autovacuum, busy with the million new rows, can leave them with the statistics of an empty
 * table for many minutes; the users list's role column then gets a plan that reads every binding.
 *
 * Usage: SeedUsers JDBC_URL USER COUNT [RANDOM_SEED]. Running it again adds more users; names already taken are
 * read first and avoided.
 */
public final class SeedUsers {

	private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net", "corp.example",
			"mail.example");

	// rows per COPY write: big enough to keep the round trips few, small enough to stay out of the way of the heap
	private static final int CHUNK = 5_000;

	private SeedUsers() {
	}

	public static void main(String[] args) throws SQLException {
		if (args.length < 3) {
			System.err.println("usage: SeedUsers JDBC_URL USER COUNT [RANDOM_SEED]");
			System.exit(2);
		}
		int count = Integer.parseInt(args[2]);
		long seed = args.length > 3 ? Long.parseLong(args[3]) : 2026L;
		try (Connection connection = DriverManager.getConnection(args[0], args[1], "")) {
			Set<String> taken = existingUsernames(connection);
			long started = System.nanoTime();
			copy(connection, count, new Usernames(taken), new Random(seed + taken.size()));
			double copySeconds = (System.nanoTime() - started) / 1e9;
			try (Statement statement = connection.createStatement()) {
				statement.execute("VACUUM ANALYZE users_account");
				statement.execute("ANALYZE");
			}
			double totalSeconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("seeded %d users in %.1f s (%.0f rows/s, VACUUM ANALYZE included: %.1f s); %d users in all%n",
					count, copySeconds, count / copySeconds, totalSeconds, taken.size());
		}
	}

	private static Set<String> existingUsernames(Connection connection) throws SQLException {
		Set<String> taken = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT username_normalized FROM users_account")) {
			while (rs.next()) {
				taken.add(rs.getString(1));
			}
		}
		return taken;
	}

	private static void copy(Connection connection, int count, Usernames usernames, Random random)
			throws SQLException {
		String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
				COPY users_account (id, username, username_normalized, email, email_normalized, email_verified,
				    first_name, first_name_normalized, last_name, last_name_normalized, status, source,
				    must_change_password, created_at, updated_at, version) FROM STDIN""");
		try {
			StringBuilder chunk = new StringBuilder(CHUNK * 200);
			for (int i = 0; i < count; i++) {
				String first = Names.draw(Names.FIRST, random);
				String last = Names.draw(Names.LAST, random);
				String username = usernames.next(first, last, random);
				String email = username + "@" + DOMAINS.get(random.nextInt(DOMAINS.size()));
				// text format: tab-separated; the names hold only letters, digits, '.' and '@', nothing to escape
				chunk.append(UUID.randomUUID()).append('\t')
					.append(username).append('\t').append(username).append('\t')
					.append(email).append('\t').append(email).append('\t')
					.append("f\t")
					.append(first).append('\t').append(first.toLowerCase()).append('\t')
					.append(last).append('\t').append(last.toLowerCase()).append('\t')
					.append("ACTIVE\tINTERNAL\tf\t")
					.append(now).append('\t').append(now).append("\t1\n");
				if ((i + 1) % CHUNK == 0 || i == count - 1) {
					byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
					chunk.setLength(0);
				}
			}
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/** Usernames as people get them: john.smith, jsmith or johnsmith, numbered once the plain one is taken. */
	private static final class Usernames {

		private final Set<String> taken;

		private final Map<String, Integer> nextNumber = new HashMap<>();

		Usernames(Set<String> taken) {
			this.taken = taken;
		}

		String next(String first, String last, Random random) {
			String f = first.toLowerCase();
			String l = last.toLowerCase();
			int style = random.nextInt(4);
			String base = switch (style) {
				case 0, 1 -> f + "." + l;
				case 2 -> f.charAt(0) + l;
				default -> f + l;
			};
			String candidate = base;
			int number = this.nextNumber.getOrDefault(base, 2);
			while (!this.taken.add(candidate)) {
				candidate = base + number++;
			}
			this.nextNumber.put(base, number);
			return candidate;
		}

	}

}
