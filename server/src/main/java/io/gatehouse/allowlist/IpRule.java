package io.gatehouse.allowlist;

import java.util.Arrays;

/**
 * One allowlist rule, parsed: the network bytes and how many leading bits must match. Every accepted form reduces
 * to this, so matching is the same few byte comparisons whatever the rule was written as.
 *
 * @param text the rule as written (trimmed)
 */
public record IpRule(String text, byte[] network, int prefixBits) {

	/** The forms a rule may take, for error messages. */
	public static final String ACCEPTED_FORMS = "a single address (1.1.1.1, 2001:db8::1), a wildcard prefix "
			+ "(1.1.1. or 1.1.1.*, 2001:db8: or 2001:db8:*), or a CIDR range (1.1.1.0/31, 2001:db8::/32)";

	/** The rule, or null when the text is none of the accepted forms. */
	public static IpRule parse(String raw) {
		if (raw == null) {
			return null;
		}
		String text = raw.strip();
		if (text.isEmpty() || text.length() > 64) {
			return null;
		}
		int slash = text.indexOf('/');
		if (slash >= 0) {
			return cidr(text, slash);
		}
		if (text.endsWith("*") || (text.endsWith(".") && text.indexOf(':') < 0)
				|| (text.endsWith(":") && !text.endsWith("::"))) {
			return wildcard(text);
		}
		byte[] address = IpAddress.parse(text);
		return address == null ? null : new IpRule(text, address, address.length * 8);
	}

	private static IpRule cidr(String text, int slash) {
		byte[] address = IpAddress.parse(text.substring(0, slash));
		String bits = text.substring(slash + 1);
		if (address == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
			return null;
		}
		int prefix = Integer.parseInt(bits);
		if (prefix > address.length * 8) {
			return null;
		}
		return new IpRule(text, mask(address, prefix), prefix);
	}

	/** {@code 1.1.1.}, {@code 1.1.1.*}, {@code 1.1.*.*}; {@code 2001:db8:}, {@code 2001:db8:*}. */
	private static IpRule wildcard(String text) {
		boolean ipv6 = text.indexOf(':') >= 0;
		String[] parts = text.split(ipv6 ? ":" : "\\.", -1);
		int groups = ipv6 ? 8 : 4;
		int fixed = 0;
		while (fixed < parts.length && !parts[fixed].isEmpty() && !parts[fixed].equals("*")) {
			fixed++;
		}
		// what follows the fixed groups: one empty part (a trailing separator) or only wildcards
		for (int i = fixed; i < parts.length; i++) {
			boolean trailingEmpty = parts[i].isEmpty() && i == parts.length - 1 && i == fixed;
			if (!parts[i].equals("*") && !trailingEmpty) {
				return null;
			}
		}
		if (fixed == 0 || fixed >= groups || parts.length > groups) {
			return null;
		}
		byte[] network = new byte[ipv6 ? 16 : 4];
		for (int i = 0; i < fixed; i++) {
			if (ipv6) {
				int hextet = hextet(parts[i]);
				if (hextet < 0) {
					return null;
				}
				network[2 * i] = (byte) (hextet >>> 8);
				network[2 * i + 1] = (byte) hextet;
			}
			else {
				int octet = IpAddress.octet(parts[i]);
				if (octet < 0) {
					return null;
				}
				network[i] = (byte) octet;
			}
		}
		return new IpRule(text, network, fixed * (ipv6 ? 16 : 8));
	}

	private static int hextet(String part) {
		if (part.isEmpty() || part.length() > 4 || Character.digit(part.charAt(0), 16) < 0) {
			return -1;
		}
		try {
			return Integer.parseInt(part, 16);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] network = Arrays.copyOf(address, address.length);
		for (int bit = prefix; bit < network.length * 8; bit++) {
			network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return network;
	}

	/** Whether the address (4 or 16 bytes, see {@link IpAddress#parse}) lies in this rule. */
	public boolean matches(byte[] address) {
		if (address == null || address.length != network.length) {
			return false;
		}
		int whole = prefixBits / 8;
		for (int i = 0; i < whole; i++) {
			if (address[i] != network[i]) {
				return false;
			}
		}
		int rest = prefixBits % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (address[whole] & mask) == (network[whole] & mask);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpRule rule && rule.prefixBits == prefixBits && Arrays.equals(rule.network, network)
				&& rule.text.equals(text);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + prefixBits;
	}

	@Override
	public String toString() {
		return text;
	}
}
