package io.gatehouse.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import io.gatehouse.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl examples, run as written with the real {@code curl} and {@code bash}, one command after the other
 * in one directory (so the tour's cookie jar and variables carry on), against this server. Only the placeholders the
 * README names are filled in: the password, the token it prints, the ids it returns, the link it mails, the code an
 * authenticator app shows. A command fails when curl does (an HTTP error fails it too). Its own database: the tour
 * enrols the administrator in MFA.
 */
class ReadmeTourIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private DataSource dataSource;

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private final Map<String, String> found = new HashMap<>();

	@TempDir
	Path directory;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "gatehouse_readme_test");
	}

	@Test
	void theCurlExamplesRunAsWritten() throws Exception {
		assertThat(((HikariDataSource) dataSource).getJdbcUrl()).as("a database of its own").contains("gatehouse_readme_test");
		List<String> commands = new ArrayList<>();
		for (String block : bashBlocks(Files.readString(Path.of("..", "README.md")))) {
			if (block.contains("curl ")) {
				commands.addAll(commands(block));
			}
		}
		assertThat(commands).as("the README's curl commands").hasSizeGreaterThan(12)
			.anyMatch(command -> command.contains("/api/v1/me/mfa/totp/confirm"));

		// what the reader has at hand before the examples that name it: a group to invite into, a workspace
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD, uniqueAddress());
		found.put("<group id>", id(admin.client().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Engineering")).exchange().expectStatus().isCreated().expectBody(String.class)
			.returnResult().getResponseBody()));
		found.put("<workspace id>", createResource(admin.client(), "workspace", "Sandbox", null));

		for (String command : commands) {
			String output = run(fillIn(command));
			learn(command, output);
		}
	}

	/** The placeholders of one command, filled in with what the reader would have by then. */
	private String fillIn(String command) {
		String filled = command.replace("http://localhost:8080", "http://localhost:" + port)
			.replace("<password>", ADMIN_PASSWORD)
			.replace("<a good password>", PASSWORD);
		if (filled.startsWith("export TOKEN=")) {
			filled = "export TOKEN=" + found.get("token");
		}
		if (filled.contains("Vn3…")) {
			filled = filled.replace("Vn3…", TestMailServer.await("grace@example.com", "you are invited").token());
		}
		if (filled.contains("/totp/confirm")) {
			filled = filled.replace("123456", Totp.code(found.get("secret"), java.time.Instant.now()));
		}
		for (Map.Entry<String, String> value : found.entrySet()) {
			if (value.getKey().startsWith("<")) {
				filled = filled.replace(value.getKey(), value.getValue());
			}
		}
		// the comments after a command (two spaces and #) may show answers with … in them
		assertThat(filled.replaceAll("(?m) {2,}#.*$", "")).as("a placeholder left in %s", command)
			.doesNotContain("<").doesNotContain("…");
		return filled;
	}

	/** What the command's answer gives the reader for the commands after it. */
	private void learn(String command, String output) {
		Matcher token = Pattern.compile("\"token\":\"(gh_pat_[A-Za-z0-9]+)\"").matcher(output);
		if (token.find()) {
			found.put("token", token.group(1));
		}
		Matcher secret = Pattern.compile("\"secret\":\"([A-Z2-7]+)\"").matcher(output);
		if (secret.find()) {
			found.put("secret", secret.group(1));
		}
		if (command.contains("/api/v1/users ") || command.endsWith("/api/v1/users")) {
			found.put("<user id>", id(output));
		}
		if (command.contains("\"type\":\"workspace\"")) {
			found.put("<workspace id>", id(output));
		}
	}

	private String run(String command) throws IOException, InterruptedException {
		String script = """
				set -eo pipefail
				[ -f vars ] && source vars
				curl() { command curl --silent --show-error --fail-with-body "$@"; }
				set -a
				%s
				set +a
				export -p > vars
				""".formatted(command);
		Process bash = new ProcessBuilder("bash", "-c", script).directory(directory.toFile())
			.redirectErrorStream(true).start();
		assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("finished in time: %s", command).isTrue();
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.exitValue()).as("%s%n answered: %s", command, output).isZero();
		return output;
	}

	private static List<String> bashBlocks(String markdown) {
		List<String> blocks = new ArrayList<>();
		Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
		while (block.find()) {
			blocks.add(block.group(1));
		}
		return blocks;
	}

	/** A command starts at an unindented line; indented lines continue it (a backslash, or text in quotes). */
	private static List<String> commands(String block) {
		List<String> commands = new ArrayList<>();
		StringBuilder current = null;
		for (String line : block.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (!Character.isWhitespace(line.charAt(0))) {
				if (current != null) {
					commands.add(current.toString());
				}
				current = new StringBuilder(line);
			}
			else if (current != null) {
				current.append('\n').append(line);
			}
		}
		if (current != null) {
			commands.add(current.toString());
		}
		return commands;
	}

	private static String id(String json) {
		Matcher id = ID.matcher(json);
		assertThat(id.find()).as("an id in %s", json).isTrue();
		return id.group(1);
	}
}
