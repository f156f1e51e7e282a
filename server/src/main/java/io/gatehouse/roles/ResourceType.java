package io.gatehouse.roles;

/** A kind of resource in the tree: the built-in workspace, project and environment, or one the platform registers. */
public record ResourceType(String name, String description, boolean builtIn) {
}
