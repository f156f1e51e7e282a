package io.gatehouse.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * A scheduled job that fails because the database is away is not an error with a stack trace at each run: the probe
 * has said so once, and the job runs again at its next time. Any other failure is logged in full, as before.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskFailures {

	private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

	@Bean
	ThreadPoolTaskSchedulerCustomizer quietOutagesInPooledJobs(DatabaseProbe probe) {
		return scheduler -> scheduler.setErrorHandler(handler(probe));
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer quietOutagesInJobs(DatabaseProbe probe) {
		return scheduler -> scheduler.setErrorHandler(handler(probe));
	}

	static ErrorHandler handler(DatabaseProbe probe) {
		return failure -> {
			if (!DatabaseOutage.isCause(failure)) {
				log.error("A scheduled job failed", failure);
			}
			else if (probe.reachable()) {
				log.warn("A scheduled job could not reach the database; it runs again at its next time: {}",
						failure.toString());
			}
			else {
				log.debug("A scheduled job waits for the database: {}", failure.toString());
			}
		};
	}
}
