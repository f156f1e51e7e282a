package io.gatehouse.roles;

import java.util.List;

/** An area of the permission catalog and the actions it declares, e.g. {@code projects} with CRUD. */
public record Area(String name, String description, boolean administrative, boolean builtIn, List<String> actions) {
}
