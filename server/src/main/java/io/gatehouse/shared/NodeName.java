package io.gatehouse.shared;

/**
 * This node's name among the nodes on one database: it marks what the node holds (mail claims) and what it did (the
 * last run of a job). It must stay the same when the node restarts, so that the node can give back what it held
 * before it died, and must differ from every other live node's.
 */
public record NodeName(String value) {

	public NodeName {
		if (value == null || value.isBlank() || value.length() > 255) {
			throw new IllegalArgumentException("gatehouse.node-name must be 1 to 255 characters, not '" + value + "'");
		}
	}
}
