package io.gatehouse.api.users;

import java.util.List;

/** A user's IP allowlist: each rule an address, a wildcard prefix or a CIDR range. Empty: any address. */
public record AllowlistJson(List<String> rules) {
}
