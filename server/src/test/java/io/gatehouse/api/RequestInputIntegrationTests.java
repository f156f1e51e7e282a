package io.gatehouse.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.access.Resources;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that once got a 5xx or was quietly taken for something else, each refused with a 4xx problem naming the
 * field and the rule. The fuzz test (ApiFuzzIntegrationTests) tries such input everywhere; these are the cases it
 * found, spelled out.
 */
class RequestInputIntegrationTests extends ApiIntegrationTest {

	private static final String LONG = "x".repeat(256);

	@Test
	void textLongerThanItsColumnIsRefusedNamingTheField() {
		refused(post("/api/v1/resources", Map.of("type", "workspace", "name", unique("ws"), "externalId", LONG)),
				"externalId", "length");
		refused(post("/api/v1/groups", Map.of("name", unique("g"), "description", LONG)), "description", "length");
		refused(post("/api/v1/roles", Map.of("name", unique("r"), "description", LONG, "permissions", List.of())),
				"description", "length");
	}

	@Test
	void theInstanceCanBeRenamedAndIsNeverMoved() {
		String version = admin().get().uri("/api/v1/resources/{id}", Resources.INSTANCE).exchange()
			.expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
		admin().patch().uri("/api/v1/resources/{id}", Resources.INSTANCE).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("parentId", createResource(admin(), "workspace", unique("ws"), null))).exchange()
			.expectStatus().isBadRequest();
		String name = (String) admin().get().uri("/api/v1/resources/{id}", Resources.INSTANCE).exchange()
			.expectBody(JSON).returnResult().getResponseBody().get("name");
		admin().patch().uri("/api/v1/resources/{id}", Resources.INSTANCE).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange()
			.expectStatus().isOk();
		assertThat(version).isNotNull();
	}

	@Test
	void aProfileWithNullOrMalformedEntriesIsRefused() {
		refused(post("/api/v1/groups", Map.of("name", unique("g"), "profile",
				Map.of("globalActions", Arrays.asList("read", null)))), "profile.globalActions[1]", "not-null");
		refused(post("/api/v1/groups", Map.of("name", unique("g"), "profile",
				Map.of("granular", Map.of("users", Arrays.asList((Object) null))))), "profile.granular.users", "not-null");
		refused(post("/api/v1/groups", Map.of("name", unique("g"), "profile",
				Map.of("granular", Map.of("USERS", List.of("read"))))), "profile", "format");
		refused(post("/api/v1/groups", Map.of("name", unique("g"), "profile",
				Map.of("globalActions", List.of("READ")))), "profile", "format");
	}

	@Test
	void nullItemsOfAListAreRefused() {
		refused(post("/api/v1/authz/check/batch", Map.of("checks", Arrays.asList((Object) null))), "checks[0]",
				"not-null");
	}

	@Test
	void controlCharactersAndNonTextAreRefusedAsText() {
		refused(post("/api/v1/groups", Map.of("name", "tab\tname")), "name", "characters");
		refused(post("/api/v1/groups", Map.of("name", "nul\u0000")), "name", "characters");
		refused(post("/api/v1/groups", Map.of("name", 12345)), "name", "type");
		refused(post("/api/v1/groups", Map.of("name", true)), "name", "type");
		refused(admin().patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "bell\u0007")).exchange(), "displayName", "characters");
		refused(admin().get().uri("/api/v1/users?q={q}", "a\u0001b").exchange(), "q", "characters");
	}

	@Test
	void anAllowlistIsReplacedOnlyByAList() {
		String user = (String) createUser(unique("rules")).get("id");
		refused(admin().put().uri("/api/v1/users/{id}/ip-allowlist", user).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of()).exchange(), "rules", "required");
		admin().put().uri("/api/v1/users/{id}/ip-allowlist", user).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("rules", List.of())).exchange().expectStatus().isOk();
	}

	@Test
	void aBodyMustNameItsType() {
		for (String type : List.of("application/*", "*/*")) {
			admin().post().uri("/api/v1/groups").header("Content-Type", type).body("{\"name\":\"x\"}").exchange()
				.expectStatus().isEqualTo(415)
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void errorIsNoPageAndAMalformedConsoleIdIsNotFound() {
		admin().get().uri("/error").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		SignedIn browser = signIn(ADMIN, ADMIN_PASSWORD);
		for (String page : List.of("/console/users/not-a-uuid", "/console/groups/1", "/console/roles/x",
				"/console/resources/-1")) {
			browser.client().get().uri(page).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void aQueryThatCannotBeDecodedIsRefused() throws IOException {
		String answer = raw("GET /api/v1/users?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ adminToken() + "\r\nConnection: close\r\n\r\n", null);
		assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("malformed-request");
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
		// said in advance: refused at once, nothing of the body read
		String declared = raw("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 67108864\r\nConnection: close\r\n\r\n", null);
		assertThat(declared).startsWith("HTTP/1.1 413").contains("body-too-large");
		// in chunks, four at once: cut off once past the limit, the server unhurt
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> raw("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
						64 * 1024 * 1024)));
			}
			for (Future<String> answer : answers) {
				assertThat(answer.get()).startsWith("HTTP/1.1 413").contains("body-too-large");
			}
		}
		finally {
			pool.shutdownNow();
		}
		// just under the limit is read (and refused for what it says, not for its size)
		String under = "{\"login\":\"" + "x".repeat(1024 * 1024 - 100) + "\",\"password\":\"x\"}";
		anonymousFrom(uniqueAddress()).post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(under).exchange()
			.expectStatus().value(status -> assertThat(status).isNotEqualTo(413).isLessThan(500));
		admin().get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	/**
	 * Sends a request over a socket; with {@code chunkedBytes}, a JSON string of up to that many bytes in 64 KiB chunks
	 * after the head, stopping as soon as the server answers. Returns what the server said.
	 */
	private String raw(String head, Integer chunkedBytes) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			if (chunkedBytes != null) {
				byte[] chunk = new byte[64 * 1024];
				Arrays.fill(chunk, (byte) 'a');
				chunk[0] = '"';
				byte[] frame = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
				try {
					for (int sent = 0; sent < chunkedBytes && in.available() == 0; sent += chunk.length) {
						out.write(frame);
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
						chunk[0] = 'a';
					}
				}
				catch (IOException hungUp) {
					// the server answered and closed before the end: read what it said
				}
			}
			try {
				// no more is coming: a server still reading the body sees its end and closes
				socket.shutdownOutput();
			}
			catch (IOException alreadyClosed) {
				// nothing to end
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private RestTestClient.ResponseSpec post(String uri, Object body) {
		return admin().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private static void refused(RestTestClient.ResponseSpec answer, String field, String rule) {
		answer.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo(field)
			.jsonPath("$.errors[0].rule").isEqualTo(rule);
	}
}
