package io.gatehouse.benchmarks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times the lookup a SCIM client makes before every create, {@code GET /scim/v2/Users?filter=userName eq "…"}, one
 * after the other over one keep-alive connection, and prints the latency percentiles. Half the names exist (drawn at
 * random from the database), half do not, as when Okta or Entra ID provision people who are new.
 *
 * Usage: ScimLookupLatency BASE_URL SCIM_CLIENT_TOKEN JDBC_URL DB_USER COUNT [WARMUP] [RANDOM_SEED]
 */
public final class ScimLookupLatency {

	private ScimLookupLatency() {
	}

	public static void main(String[] args) throws IOException, InterruptedException, SQLException {
		if (args.length < 5) {
			System.err.println("usage: ScimLookupLatency BASE_URL SCIM_CLIENT_TOKEN JDBC_URL DB_USER COUNT [WARMUP] [SEED]");
			System.exit(2);
		}
		String base = args[0];
		String token = args[1];
		int count = Integer.parseInt(args[4]);
		int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 200;
		Random random = new Random(args.length > 6 ? Long.parseLong(args[6]) : 7L);
		List<String> existing = existing(args[2], args[3], count + warmup);
		TimedRequests requests = new TimedRequests(base, token);
		for (int i = 0; i < warmup; i++) {
			lookup(requests, name(existing, i, random));
		}
		List<TimedRequests.Sample> samples = new ArrayList<>(count);
		for (int i = warmup; i < warmup + count; i++) {
			samples.add(lookup(requests, name(existing, i, random)));
		}
		TimedRequests.report(samples);
	}

	private static String name(List<String> existing, int i, Random random) {
		return i % 2 == 0 ? existing.get(i) : "new-" + Long.toHexString(random.nextLong()) + "@example.com";
	}

	private static List<String> existing(String url, String user, int count) throws SQLException {
		List<String> names = new ArrayList<>(count);
		try (Connection connection = DriverManager.getConnection(url, user, null);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT username FROM users_account ORDER BY random() LIMIT " + count)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	private static TimedRequests.Sample lookup(TimedRequests requests, String userName)
			throws IOException, InterruptedException {
		String filter = "userName eq \"" + userName + "\"";
		return requests.get("/scim/v2/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), userName);
	}
}
