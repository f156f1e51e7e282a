package io.gatehouse.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client as rate limits and brute-force counts see it: an IPv4 address by itself, an IPv6 one by its /64, the
 * network one subscriber is given (RFC 6177) and whose 2^64 addresses are all theirs to rotate through.
 */
public final class ClientNetwork {

	private ClientNetwork() {
	}

	/** {@code 203.0.113.7}, or {@code 2001:db8:1:2:0:0:0:0/64}; anything that is not an address literal as it is. */
	public static String of(String address) {
		if (address == null || address.isEmpty() || address.length() > 64) {
			return address;
		}
		String literal = address.startsWith("[") && address.endsWith("]")
				? address.substring(1, address.length() - 1) : address;
		// only a literal reaches InetAddress, which would otherwise look a name up in DNS: with a colon it is read as
		// IPv6 and never looked up; without, only four decimal octets pass
		boolean ipv6 = literal.indexOf(':') >= 0
				&& literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
		if (!ipv6 && !isIpv4(literal)) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(literal).getAddress();
			if (bytes.length == 16) {
				Arrays.fill(bytes, 8, 16, (byte) 0);
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static boolean isIpv4(String text) {
		String[] octets = text.split("\\.", -1);
		if (octets.length != 4) {
			return false;
		}
		for (String octet : octets) {
			if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}
}
