package io.gatehouse.api.security;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IPv6 client has a whole /64 to pick addresses from: the per-address brute-force limit and the per-client
 * password-reset limit count the network, not each address of it.
 */
class ClientNetworkIntegrationTests extends ApiIntegrationTest {

	@Test
	void fortyAddressesOfOneNetworkShareTheSignInLimit() {
		String network = network();
		int refused = 0;
		for (int i = 1; i <= 40; i++) {
			// another unknown login each time, so only the address's limit (20 free failures) can hold them back
			int status = anonymousFrom(network + i).post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("login", unique("nobody"), "password", "Wrong-Password-1")).exchange()
				.returnResult(String.class).getStatus().value();
			if (i <= 20) {
				assertThat(status).as("attempt %d", i).isEqualTo(401);
			}
			refused += status == 429 ? 1 : 0;
		}
		// past the 20 free failures each attempt waits 1, 2, 4... s: a slow machine may see one or two through
		assertThat(refused).as("attempts past the 20 free failures of the network").isGreaterThanOrEqualTo(15);

		// the administrator sees, and lifts, the network's lock through any of its addresses
		admin().get().uri("/api/v1/sign-in-locks/addresses/{address}", network + "ffff").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.failures").value(failures -> assertThat((Integer) failures).isBetween(20, 25));
		admin().delete().uri("/api/v1/sign-in-locks/addresses/{address}", network + "abcd").exchange()
			.expectStatus().is2xxSuccessful();
		anonymousFrom(network + "41").post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", unique("nobody"), "password", "Wrong-Password-1")).exchange()
			.expectStatus().isUnauthorized();
		// another network was never held back
		anonymousFrom(network() + "1").post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", unique("nobody"), "password", "Wrong-Password-1")).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void passwordResetsFromOneNetworkShareItsLimit() {
		String network = network();
		for (int i = 1; i <= 20; i++) {
			reset(network + i).expectStatus().isAccepted();
		}
		reset(network + "21").expectStatus().isEqualTo(429)
			.expectBody().jsonPath("$.code").isEqualTo("too-many-requests");
		reset(network() + "1").expectStatus().isAccepted();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec reset(String address) {
		return anonymousFrom(address).post().uri("/api/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("nobody") + "@example.com")).exchange();
	}

	/** The first half of a /64 of the documentation range nobody else uses, ready for an interface id. */
	private static String network() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + "::";
	}
}
