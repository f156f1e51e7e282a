package io.gatehouse.shared;

/**
 * Marks an event after which cached access decisions may be wrong (a user deactivated, a binding added...). The
 * access module listens for it without depending on the module that publishes it.
 */
public interface AccessRelevantChange {
}
