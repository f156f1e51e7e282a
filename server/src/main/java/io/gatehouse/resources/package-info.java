/**
 * The resource tree (instance, workspaces, projects and the platform's own types), its ownership, the bindings of
 * roles to users and groups on resources, and the restriction of a user to one part of the tree.
 */
package io.gatehouse.resources;
