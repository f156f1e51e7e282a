package io.gatehouse.console.resources;

import java.util.UUID;

/** One row of the resource tree: what it is, and whose. */
record ResourceNode(UUID id, String type, String name, String owner) {
}
