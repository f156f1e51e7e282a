/**
 * Scheduled jobs that must run on one node of all, once per interval (retention, the sweeps of forgotten throttles,
 * reset requests and old daily counts): every node's schedule fires, and the node that takes the job's row in
 * {@code jobs_lease} with a conditional update does the work. Depends on nothing but the infrastructure and the shared types.
 */
package io.gatehouse.jobs;
