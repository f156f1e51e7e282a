package io.gatehouse.console.resources;

import java.util.UUID;

/** A role the access form offers at a resource, built-in or custom. */
record RoleChoice(UUID id, String label) {
}
