package io.gatehouse.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One request runs at a time here, and one waiting in line would wait an hour: so a request that gets its answer
 * while another is under way shows that the other holds no place. A client sending its body slowly, and a test mail
 * waiting on an SMTP server that does not answer, must not stop the node.
 */
@TestPropertySource(properties = { "gatehouse.http.concurrent-requests=1", "gatehouse.http.queue-wait=PT1H" })
class AdmissionIntegrationTests extends ApiIntegrationTest {

	private static final SilentServer SMTP = new SilentServer();

	@DynamicPropertySource
	static void silentMailServer(DynamicPropertyRegistry registry) {
		// a database of its own: no other test class's mail waits in its outbox for the silent server
		ownDatabase(registry, "gatehouse_admission_test");
		// the mail port is the shared test server's; the silent one listens on that port at another loopback address
		registry.add("gatehouse.mail.host", () -> SilentServer.ADDRESS);
	}

	@AfterAll
	static void stopSilentServer() throws IOException {
		SMTP.close();
	}

	private String token;

	/** A token of this database's administrator: the one shared by the test classes belongs to another database. */
	@BeforeEach
	void signInHere() {
		token = signIn(ADMIN, ADMIN_PASSWORD).createToken("admission");
	}

	@Test
	void aClientSendingItsBodySlowlyHoldsNoPlace() throws Exception {
		String name = unique("slowbody-");
		byte[] body = ("{\"name\":\"" + name + "\",\"description\":\"sent a few bytes at a time\"}")
			.getBytes(StandardCharsets.UTF_8);
		try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
			slow.setSoTimeout(30_000);
			OutputStream out = slow.getOutputStream();
			out.write(("POST /api/v1/groups HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body, 0, 10);
			out.flush();

			assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isOk());

			out.write(body, 10, body.length - 10);
			out.flush();
			String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 201").contains(name);
		}
	}

	@Test
	void aTestMailWaitingOnTheMailServerHoldsNoPlace() throws Exception {
		int before = SMTP.accepted();
		CompletableFuture<Map<String, Object>> testMail = CompletableFuture.supplyAsync(() -> withToken(token).post()
			.uri("/api/v1/settings/mail/test").exchange().expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody());
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			while (SMTP.accepted() == before) {
				Thread.sleep(20);
			}
		});
		assertThat(testMail).isNotDone();

		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isOk());

		SMTP.hangUp();
		assertThat(testMail.get(30, TimeUnit.SECONDS)).doesNotContainEntry("code", "sent");
	}

	/** Takes connections and says nothing until it hangs up on them. */
	private static final class SilentServer implements AutoCloseable {

		static final String ADDRESS = "127.0.0.2";

		private final ServerSocket server;

		private final List<Socket> connections = new CopyOnWriteArrayList<>();

		SilentServer() {
			try {
				server = new ServerSocket();
				server.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), TestMailServer.port()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						connections.add(server.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int accepted() {
			return connections.size();
		}

		void hangUp() throws IOException {
			for (Socket connection : connections) {
				connection.close();
			}
		}

		@Override
		public void close() throws IOException {
			hangUp();
			server.close();
		}
	}
}
