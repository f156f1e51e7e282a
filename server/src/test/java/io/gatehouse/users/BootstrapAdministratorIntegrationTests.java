package io.gatehouse.users;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start with no configured password: a one-time password is printed once and must be changed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.bootstrap.admin-username=root", "gatehouse.bootstrap.admin-password=",
				"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=1" })
@ExtendWith({ TestDatabase.class, OutputCaptureExtension.class })
class BootstrapAdministratorIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url("gatehouse_bootstrap_test"));
		registry.add("spring.datasource.username", TestDatabase::user);
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void printsAOneTimePasswordThatMustBeChangedAtFirstSignIn(CapturedOutput output) {
		Matcher matcher = Pattern.compile("one-time password:\\s+(\\S+)").matcher(output.getAll());
		assertThat(matcher.find()).as("the password is printed").isTrue();
		String password = matcher.group(1);
		assertThat(matcher.find()).as("and printed only once").isFalse();

		RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
		var signIn = client.post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", "root", "password", password))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.mustChangePassword").isEqualTo(true)
			.returnResult();
		String cookies = String.join("; ", signIn.getResponseHeaders().get("Set-Cookie")
			.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
		assertThat(signIn.getResponseHeaders().get("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).hasSize(1);
		String csrf = cookies.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
		RestTestClient session = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
			.defaultHeader("Cookie", cookies).defaultHeader("X-XSRF-TOKEN", csrf).build();
		session.get().uri("/api/v1/users").exchange().expectStatus().isForbidden();
		session.post().uri("/api/v1/me/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", password, "newPassword", "Fresh-Start-42x"))
			.exchange()
			.expectStatus().isNoContent();
		session.get().uri("/api/v1/users").exchange().expectStatus().isOk();
	}
}
