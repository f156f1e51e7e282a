package io.gatehouse.api.me;

import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import io.gatehouse.support.TestMailServer.Mail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Email verification of new accounts, and email change with confirmation. */
class EmailIntegrationTests extends ApiIntegrationTest {

	@Test
	void aNewUsersEmailIsVerifiedByTheMailedLink() {
		String name = unique("verify");
		String email = name + "@example.com";
		String id = (String) createUser(name).get("id");
		admin().get().uri("/api/v1/users/{id}", id).exchange().expectBody().jsonPath("$.emailVerified").isEqualTo(false);

		Mail mail = TestMailServer.await(email, "confirm your email address");
		assertThat(mail.text()).contains("/console/email/confirm?token=");
		confirm(mail.token()).expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.emailVerified").isEqualTo(true);

		admin().get().uri("/api/v1/users/{id}", id).exchange().expectBody().jsonPath("$.emailVerified").isEqualTo(true);
		confirm(mail.token()).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");
		confirm("made-up").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
	}

	@Test
	void aUserAsksForAFreshVerificationLinkAndOnlyTheNewestWorks() {
		String name = unique("again");
		String email = name + "@example.com";
		createUser(name);
		String first = TestMailServer.await(email, "confirm your email address", 1).token();
		SignedIn user = signIn(name, PASSWORD);
		user.client().post().uri("/api/v1/me/email/verification").exchange().expectStatus().isAccepted();
		String second = TestMailServer.await(email, "confirm your email address", 2).token();

		confirm(first).expectStatus().isBadRequest();
		confirm(second).expectStatus().isOk();
		user.client().post().uri("/api/v1/me/email/verification").exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:email-already-verified");
	}

	@Test
	void anEmailChangeTakesEffectOnlyWhenTheNewAddressConfirmsAndTheOldAddressIsTold() {
		String name = unique("mover");
		String old = name + "@example.com";
		String fresh = name + "@new.example.org";
		createUser(name);
		SignedIn user = signIn(name, PASSWORD);

		change(user, fresh, "Wrong-Password-1").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
		change(user, "nope", PASSWORD).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
		change(user, fresh, PASSWORD).expectStatus().isAccepted();

		assertThat(TestMailServer.await(old, "change of your email address was requested").text()).contains(fresh);
		Mail confirmation = TestMailServer.await(fresh, "confirm your new email address");
		// until confirmed, the old address is the account's
		user.client().get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.email").isEqualTo(old);
		signIn(old, PASSWORD);
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", fresh, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();

		confirm(confirmation.token()).expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(fresh).jsonPath("$.emailVerified").isEqualTo(true);
		user.client().get().uri("/api/v1/me").exchange().expectBody()
			.jsonPath("$.email").isEqualTo(fresh)
			.jsonPath("$.emailVerified").isEqualTo(true);
		assertThat(TestMailServer.await(old, "your email address was changed").text()).contains(fresh);
		signIn(fresh, PASSWORD);
		confirm(confirmation.token()).expectStatus().isBadRequest();
	}

	@Test
	void aChangeToAnAddressThatAnotherAccountTookMeanwhileIsRefusedAtConfirmation() {
		String name = unique("late");
		createUser(name);
		String wanted = unique("wanted") + "@example.com";
		change(signIn(name, PASSWORD), wanted, PASSWORD).expectStatus().isAccepted();
		String token = TestMailServer.await(wanted, "confirm your new email address").token();
		createUser(Map.of("username", unique("first"), "email", wanted, "password", PASSWORD));

		confirm(token).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:email-taken");
		admin().get().uri("/api/v1/users?q=" + name).exchange().expectBody()
			.jsonPath("$.items[0].email").isEqualTo(name + "@example.com");
	}

	@Test
	void anAdministratorSettingANewAddressTellsTheOldOneAndTheNewOneIsVerifiedByLink() {
		String name = unique("moved");
		String old = name + "@example.com";
		String fresh = name + "@elsewhere.example.org";
		String id = (String) createUser(name).get("id");
		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", fresh)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.emailVerified").isEqualTo(false);

		assertThat(TestMailServer.await(old, "your email address was changed").text()).contains(fresh);
		confirm(TestMailServer.await(fresh, "confirm your email address").token()).expectStatus().isOk()
			.expectBody().jsonPath("$.emailVerified").isEqualTo(true);
	}

	private RestTestClient.ResponseSpec confirm(String token) {
		return anonymous().post().uri("/api/v1/email-confirmations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token)).exchange();
	}

	private static RestTestClient.ResponseSpec change(SignedIn user, String email, String password) {
		return user.client().post().uri("/api/v1/me/email").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "currentPassword", password)).exchange();
	}
}
