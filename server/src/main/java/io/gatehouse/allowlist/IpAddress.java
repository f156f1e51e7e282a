package io.gatehouse.allowlist;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals strictly, never through DNS: {@link InetAddress#getByName} resolves anything that is
 * not a literal, so only strings already shaped like an address reach it.
 */
public final class IpAddress {

	private IpAddress() {
	}

	/** The 4 or 16 bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 address gives 4), or null. */
	public static byte[] parse(String text) {
		if (text == null || text.isEmpty() || text.length() > 64) {
			return null;
		}
		String value = text;
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		if (value.indexOf(':') < 0) {
			return parseIpv4(value);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
					|| c == '.';
			if (!allowed) {
				return null;
			}
		}
		try {
			// a colon and hex digits only: a literal, so no name lookup happens
			return InetAddress.getByName(value).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** One spelling per address (e.g. {@code ::1} and {@code 0:0:0:0:0:0:0:1} alike), or null for a non-address. */
	public static String canonical(String text) {
		byte[] bytes = parse(text);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** Four decimal octets without leading zeros (which some tools read as octal). */
	static byte[] parseIpv4(String value) {
		String[] parts = value.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int octet = octet(parts[i]);
			if (octet < 0) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		return bytes;
	}

	/** An octet 0-255 written without leading zeros, or -1. */
	static int octet(String part) {
		if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value <= 255 ? value : -1;
	}
}
