/**
 * The one way a node caches what the database holds and stays fresh with the other nodes: Caffeine caches with
 * their statistics in the metrics, and a change table whose areas a write bumps in its transaction and every node
 * polls. Depends on nothing but the infrastructure.
 */
package io.gatehouse.cache;
