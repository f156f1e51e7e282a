package io.gatehouse.web;

import jakarta.servlet.Filter;

import io.gatehouse.database.DatabaseProbe;
import io.gatehouse.shared.Admission;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The edge every request crosses before a door: the client address, the request limits, the line requests wait in
 * for a place to run, and problem details instead of the container's error pages. Spring Boot's own {@code /error}
 * page is switched off (application.yml), so a refusal made outside the doors reaches
 * {@link ProblemErrorReportValve} and nothing else answers {@code /error}.
 */
@Configuration
class EdgeConfiguration {

	/** Before anything else, so that every filter, door and controller sees the same client address. */
	@Bean
	FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(NetworkSettings settings) {
		return at(Ordered.HIGHEST_PRECEDENCE, new ClientAddressFilter(settings));
	}

	/** Right after the client address is known, before Spring Security or anything else reads the request. */
	@Bean
	FilterRegistrationBean<RequestInputFilter> requestInputFilter(HttpSettings settings) {
		return at(Ordered.HIGHEST_PRECEDENCE + 1, new RequestInputFilter(settings));
	}

	/** Once the client address is known: every later log line of the request carries its id and the address. */
	@Bean
	FilterRegistrationBean<RequestLogContext> requestLogContext() {
		return at(Ordered.HIGHEST_PRECEDENCE + 2, new RequestLogContext());
	}

	/**
	 * After the request's log context and outside every door's security chain, so that a filter failing because
	 * the database is away (a token being looked up) is answered 503 as well as a controller.
	 */
	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseProbe probe) {
		return at(Ordered.HIGHEST_PRECEDENCE + 3, new DatabaseOutageFilter(probe));
	}

	/** The line, with what operators watch of it. */
	@Bean
	Admission admission(HttpSettings settings, MeterRegistry meters) {
		Admission admission = new Admission(settings.concurrentRequests(), settings.queueWait());
		Gauge.builder("gatehouse.http.requests.waiting", admission, Admission::waiting)
			.description("Requests waiting in line for a place to run")
			.register(meters);
		Gauge.builder("gatehouse.http.requests.running", admission, Admission::taken)
			.description("Requests running in a place (at most gatehouse.http.concurrent-requests)")
			.register(meters);
		FunctionCounter.builder("gatehouse.http.requests.unplaced", admission, Admission::unplaced)
			.description("Requests that waited gatehouse.http.queue-wait and ran without a place: the node is overloaded")
			.register(meters);
		return admission;
	}

	/**
	 * Once a request that needs the database may go on, before the doors' security chains: signing in and checking
	 * a token are work the line is for.
	 */
	@Bean
	FilterRegistrationBean<AdmissionFilter> admissionFilter(Admission admission) {
		return at(Ordered.HIGHEST_PRECEDENCE + 4, new AdmissionFilter(admission));
	}

	/** After the doors' security chains (order -100), which say who acts. */
	@Bean
	FilterRegistrationBean<ActorLogContext> actorLogContext() {
		return at(0, new ActorLogContext());
	}

	private static <F extends Filter> FilterRegistrationBean<F> at(int order, F filter) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		return registration;
	}

	@Bean
	TomcatContextCustomizer problemErrorReports() {
		return context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
			else {
				throw new IllegalStateException("The Tomcat context has no host to give the error report valve to");
			}
		};
	}
}
