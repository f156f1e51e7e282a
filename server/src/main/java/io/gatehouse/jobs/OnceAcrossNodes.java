package io.gatehouse.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.gatehouse.shared.NodeName;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job's work on one node per interval, however many nodes' schedules fire: the node that takes the
 * job's lease does it, the others skip it. The interval should be the schedule's own, so that the node holding the
 * job finds it due again at its next firing and another node takes over within an interval when that one is gone.
 */
@Component
public class OnceAcrossNodes {

	private final JobLeaseStore leases;

	private final Clock clock;

	// the node in the lease table, for an operator who asks which node ran a job last
	private final String node;

	OnceAcrossNodes(JobLeaseStore leases, Clock clock, NodeName node) {
		this.leases = leases;
		this.clock = clock;
		this.node = node.value();
	}

	/** Runs {@code work} if this node takes the job's run due now; true when it did. */
	public boolean run(String job, Duration interval, Runnable work) {
		if (!take(job, clock.instant(), interval)) {
			return false;
		}
		work.run();
		return true;
	}

	/** True when this node took the job's run due at {@code now}; nobody takes it again before {@code interval}. */
	public boolean take(String job, Instant now, Duration interval) {
		return leases.take(job, node, now, now.plus(interval));
	}

	/** This node's name in {@code jobs_lease.last_run_by}. */
	public String node() {
		return node;
	}
}
