/**
 * The permission catalog (areas with their actions, resource types, those the host platform registers) and the
 * roles: the built-in ones and custom roles defined for the instance or one workspace.
 */
package io.gatehouse.roles;
