package io.gatehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatehouse's SQL keeps to what PostgreSQL, H2 and the PostgreSQL-compatible distributed engines (CockroachDB,
 * YugabyteDB) all run, so that scaling past one PostgreSQL (docs/scaling.md) needs no rewrite: the migrations and
 * every {@code *Store} class (the only classes with SQL) are scanned for the constructs that page rules out.
 */
class PortableSqlTests {

	/** Each construct ruled out, and why, as the failure says it. */
	static final Map<String, Pattern> RULED_OUT = Map.of(
			"MERGE (CockroachDB and PostgreSQL before 15 lack it; UPDATE, then INSERT and retry on the key)",
			Pattern.compile("\\bMERGE\\s+INTO\\b", Pattern.CASE_INSENSITIVE),
			"LISTEN/NOTIFY (not in the distributed engines; poll the change table instead)",
			Pattern.compile("\\b(LISTEN|NOTIFY|UNLISTEN)\\s+\\w|pg_notify", Pattern.CASE_INSENSITIVE),
			"advisory locks (not in the distributed engines; use a row: UPDATE ... WHERE, as jobs_lease does)",
			Pattern.compile("pg_(try_)?advisory", Pattern.CASE_INSENSITIVE),
			"sequences or generated keys (a hot spot across nodes; keys are UUIDs the application assigns)",
			Pattern.compile("\\bCREATE\\s+SEQUENCE\\b|\\bNEXTVAL\\s*\\(|\\b(BIG|SMALL)?SERIAL\\b|\\bAS\\s+IDENTITY\\b"
					+ "|\\bAUTO_INCREMENT\\b", Pattern.CASE_INSENSITIVE),
			"ON CONFLICT upserts (not in H2; UPDATE, then INSERT and retry on the key)",
			Pattern.compile("\\bON\\s+CONFLICT\\b", Pattern.CASE_INSENSITIVE),
			"LOCK TABLE (serialises every node; lock the rows concerned instead)",
			Pattern.compile("\\bLOCK\\s+TABLE\\b", Pattern.CASE_INSENSITIVE),
			"expression indexes (store a normalized column and index it)",
			Pattern.compile("\\bCREATE\\s+(UNIQUE\\s+)?INDEX\\b[^;]*\\(\\s*(LOWER|UPPER)\\s*\\(", Pattern.CASE_INSENSITIVE));

	private static final Path MAIN = Path.of("src/main");

	@Test
	void migrationsAndStoresKeepToThePortableSubset() throws IOException {
		List<Path> sources = sources();
		assertThat(sources).as("the migrations and *Store classes scanned")
			.anyMatch(path -> path.toString().endsWith(".sql"))
			.anyMatch(path -> path.getFileName().toString().equals("SignInRollupStore.java"));
		List<String> offences = new ArrayList<>();
		for (Path source : sources) {
			offences.addAll(offences(source.toString(), withoutComments(Files.readString(source))));
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void theScanFindsEachConstructItRulesOut() {
		String sql = """
				MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET n = 1;
				LISTEN changes;
				SELECT pg_try_advisory_lock(1);
				CREATE SEQUENCE ids;
				INSERT INTO t (id) VALUES (1) ON CONFLICT DO NOTHING;
				LOCK TABLE t;
				CREATE INDEX t_ix ON t (LOWER(name));""";
		assertThat(offences("sample", sql)).hasSize(RULED_OUT.size());
		assertThat(offences("sample", "CREATE TABLE t (id BIGSERIAL PRIMARY KEY)")).hasSize(1);
		assertThat(offences("sample", "id BIGINT GENERATED ALWAYS AS IDENTITY")).hasSize(1);
	}

	@Test
	void commentsMayNameWhatTheCodeAvoids() {
		assertThat(offences("sample", withoutComments("""
				-- no MERGE INTO here, nor LOCK TABLE
				/* nor NEXTVAL('ids') */
				// nor pg_advisory_lock
				SELECT 1"""))).isEmpty();
	}

	static List<String> offences(String source, String text) {
		List<String> offences = new ArrayList<>();
		RULED_OUT.forEach((rule, pattern) -> {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				offences.add(source + ": " + matcher.group() + " — " + rule);
			}
		});
		return offences;
	}

	private static String withoutComments(String text) {
		return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|//).*$", " ");
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(path -> path.toString().endsWith(".sql")
					|| path.getFileName().toString().endsWith("Store.java"))
				.sorted()
				.toList();
		}
	}
}
