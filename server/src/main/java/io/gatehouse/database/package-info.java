/**
 * Whether the database can be reached, decided by a probe of its own (one connection outside the pool, on its own
 * thread) so that the answer is at hand at once however busy the pool is: readiness, the requests refused with 503
 * while it is away, and the background polls that wait for it quietly. Depends on nothing but the infrastructure.
 */
package io.gatehouse.database;
