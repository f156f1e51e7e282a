package io.gatehouse.console.groups;

import java.util.List;

/**
 * One line of a group's permission table: the area, the access granted there, and the path, which
 * Gatehouse shows as the permissions the entry stands for ({@code projects:create}, ...).
 */
record PermissionRow(String area, List<String> access, List<String> path) {
}
