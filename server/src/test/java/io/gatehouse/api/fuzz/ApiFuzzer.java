package io.gatehouse.api.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.gatehouse.api.fuzz.FuzzClient.Answer;
import io.gatehouse.api.fuzz.OpenApiOperations.Operation;
import tools.jackson.databind.JsonNode;

/**
 * Sends every operation its malformed requests ({@link MalformedInputs}) as one caller and checks each answer: a 2xx
 * (the input happened to be acceptable) or a 4xx problem detail, never a 5xx nor anything else.
 */
final class ApiFuzzer {

	/** Who sends: a bearer token that can be renewed when a fuzzed request revoked it, or nobody. */
	static final class Caller {

		final String name;

		final String forwardedFor;

		private final Supplier<String> newToken;

		private volatile String authorization;

		Caller(String name, String forwardedFor, Supplier<String> newToken) {
			this.name = name;
			this.forwardedFor = forwardedFor;
			this.newToken = newToken;
			this.authorization = newToken == null ? null : "Bearer " + newToken.get();
		}

		boolean anonymous() {
			return newToken == null;
		}

		synchronized void renewIfRevoked(String used) {
			if (used != null && used.equals(authorization)) {
				authorization = "Bearer " + newToken.get();
			}
		}
	}

	record Report(String caller, int requests, int serverErrors, List<String> failures, long millis,
			Map<String, Long> slowest) {
	}

	private final FuzzClient client;

	private final Fixtures fixtures;

	private final Map<String, List<String>> freeFormKeys;

	private final int threads;

	ApiFuzzer(FuzzClient client, Fixtures fixtures, Map<String, List<String>> freeFormKeys, int threads) {
		this.client = client;
		this.fixtures = fixtures;
		this.freeFormKeys = freeFormKeys;
		this.threads = threads;
	}

	/**
	 * Operations of one method run side by side, reads first and deletions last; the requests of one operation go
	 * one after the other, so that what each answer shows is its input's doing, not a race with its siblings.
	 */
	Report run(List<Operation> operations, Caller caller) throws Exception {
		long started = System.nanoTime();
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger serverErrors = new AtomicInteger();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		Map<String, Long> took = new java.util.concurrent.ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (String method : List.of("GET", "PUT", "PATCH", "POST", "DELETE")) {
				List<Future<?>> sent = new ArrayList<>();
				for (Operation operation : operations) {
					if (operation.method().equals(method)) {
						sent.add(pool.submit(() -> {
							long start = System.nanoTime();
							fuzz(operation, caller, requests, serverErrors, failures);
							took.put(operation.toString(), (System.nanoTime() - start) / 1_000_000);
							return null;
						}));
					}
				}
				for (Future<?> future : sent) {
					future.get();
				}
			}
		}
		finally {
			pool.shutdown();
		}
		Map<String, Long> slowest = new java.util.LinkedHashMap<>();
		took.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
			.forEach(entry -> slowest.put(entry.getKey(), entry.getValue()));
		return new Report(caller.name, requests.get(), serverErrors.get(), List.copyOf(failures),
				(System.nanoTime() - started) / 1_000_000, slowest);
	}

	private void fuzz(Operation operation, Caller caller, AtomicInteger requests, AtomicInteger serverErrors,
			List<String> failures) throws Exception {
		MalformedInputs inputs = new MalformedInputs(operation, fixtures);
		JsonNode plausible = operation.body() == null ? null : fixtures.fromSchema(operation.body());
		Answer first = send(inputs.plausible(plausible), caller, requests, serverErrors, failures);
		List<FuzzRequest> batch = new ArrayList<>(inputs.ofPathAndQuery());
		batch.addAll(inputs.ofBodyAsAWhole(plausible));
		// a door that turns the caller away before reading the body: one field at a time would meet only it
		if (!(caller.anonymous() && first.status() == 401)) {
			batch.addAll(inputs.ofFields(plausible, freeFormKeys.getOrDefault(operation.path(), List.of())));
		}
		for (FuzzRequest request : batch) {
			send(request, caller, requests, serverErrors, failures);
		}
	}

	private Answer send(FuzzRequest request, Caller caller, AtomicInteger requests, AtomicInteger serverErrors,
			List<String> failures) throws Exception {
		String authorization = caller.authorization;
		Answer answer = client.send(request, authorization, caller.forwardedFor);
		requests.incrementAndGet();
		int status = answer.status();
		if (status >= 500) {
			serverErrors.incrementAndGet();
			failures.add(status + " " + request + " -> " + head(answer.body()));
		}
		else if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
			failures.add(status + " not a problem detail (" + answer.contentType() + ") " + request);
		}
		else if (status < 200 || (status >= 300 && status < 400)) {
			failures.add(status + " neither a success nor a refusal " + request);
		}
		if (status == 401 && answer.body().contains("invalid-token") && !caller.anonymous()) {
			// the request just sent revoked the caller's own token (a token reset, say): carry on with a new one
			caller.renewIfRevoked(authorization);
		}
		return answer;
	}

	private static String head(String body) {
		return body.length() > 300 ? body.substring(0, 300) : body;
	}
}
