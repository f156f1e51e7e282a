package io.gatehouse.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the latency benchmarks share: a GET with a bearer token over one keep-alive connection, timed from send to the
 * last byte of the answer, which must be a 200 (anything else stops the run), and the percentiles of a run.
 */
final class TimedRequests {

	/** One timed request: what it asked for, how long it took, and the size of the answer. */
	record Sample(String text, long nanos, int bodyBytes) {
	}

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final String token;

	TimedRequests(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/** @param pathAndQuery after the base URL, already encoded; {@code text} names the sample in the report */
	Sample get(String pathAndQuery, String text) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		long started = System.nanoTime();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		long nanos = System.nanoTime() - started;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("'" + text + "' answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return new Sample(text, nanos, response.body().length);
	}

	static void report(List<Sample> samples) {
		long[] sorted = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
		double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
		System.out.printf("requests=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f%n",
				sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted[sorted.length - 1] / 1e6, mean);
		System.out.println("slowest:");
		samples.stream()
			.sorted(Comparator.comparingLong(Sample::nanos).reversed())
			.limit(5)
			.forEach(s -> System.out.printf("  %s %.2f ms (%d bytes)%n", s.text(), s.nanos() / 1e6, s.bodyBytes()));
	}

	/** Nearest-rank percentile in milliseconds. */
	private static double percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}
}
