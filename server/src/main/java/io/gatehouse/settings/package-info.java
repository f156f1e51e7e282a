/**
 * The instance settings a System Administrator changes at runtime: stored in the database over defaults from the
 * configuration, cached per node, and read by the other modules through the small interfaces they own.
 */
package io.gatehouse.settings;
