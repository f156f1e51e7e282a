/**
 * IP allowlists: per-user rules of addresses, wildcard prefixes and CIDR ranges, the instance-wide list
 * for System Administrators, and the check every credential path asks.
 */
package io.gatehouse.allowlist;
