/**
 * Groups, their members and their permission profiles (global actions, replaced per area by granular entries), and
 * the assignment of a user's groups and roles in one step.
 */
package io.gatehouse.groups;
