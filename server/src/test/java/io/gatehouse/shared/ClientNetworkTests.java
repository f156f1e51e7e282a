package io.gatehouse.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How rate limits see a client: an IPv4 address alone, an IPv6 address by its /64, anything else as it is. */
class ClientNetworkTests {

	@Test
	void anIpv6ClientIsItsNetwork() {
		assertThat(ClientNetwork.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientNetwork.of("[2001:DB8:1:2::abcd]")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientNetwork.of("2001:db8:1:3::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:2::1"));
		assertThat(ClientNetwork.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
	}

	@Test
	void anIpv4ClientIsItsAddress() {
		assertThat(ClientNetwork.of("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(ClientNetwork.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void whatIsNoAddressStaysAsItIsWithoutANameLookUp() {
		assertThat(ClientNetwork.of(null)).isNull();
		assertThat(ClientNetwork.of("")).isEmpty();
		assertThat(ClientNetwork.of("localhost")).isEqualTo("localhost");
		assertThat(ClientNetwork.of("example.com")).isEqualTo("example.com");
		assertThat(ClientNetwork.of("cafe.babe")).isEqualTo("cafe.babe");
		assertThat(ClientNetwork.of("999.1.1.1")).isEqualTo("999.1.1.1");
	}
}
