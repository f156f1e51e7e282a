package io.gatehouse.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Times users-list searches one after the other over one keep-alive connection and prints the latency percentiles.
 * Sequential on purpose: this is the latency one administrator typing into a search box sees, not a throughput
 * figure. Two kinds of text: {@code prefix} (the default), a fresh three-letter prefix drawn from the seeded names
 * as someone starts typing one; {@code anywhere}, text from inside a value: four letters from the middle of a first
 * or last name, a full name with the last name begun ("mary smi"), or an email domain.
 *
 * Usage: SearchLatency BASE_URL TOKEN COUNT [WARMUP] [RANDOM_SEED] [prefix|anywhere]
 */
public final class SearchLatency {

	record Sample(String text, long nanos, int bodyBytes) {
	}

	private SearchLatency() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 3) {
			System.err.println("usage: SearchLatency BASE_URL TOKEN COUNT [WARMUP] [RANDOM_SEED]");
			System.exit(2);
		}
		String base = args[0];
		String token = args[1];
		int count = Integer.parseInt(args[2]);
		int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 7L);
		boolean anywhere = args.length > 5 && args[5].equals("anywhere");
		java.util.function.Function<Random, String> texts = anywhere ? SearchLatency::anywhere : SearchLatency::prefix;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// the warm-up lets the server's JIT and the database's caches settle; its samples are dropped
		for (int i = 0; i < warmup; i++) {
			search(client, base, token, texts.apply(random));
		}
		List<Sample> samples = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			samples.add(search(client, base, token, texts.apply(random)));
		}
		report(samples);
	}

	/** Three letters of a first name, a last name, or an initial and a last name as in "jsmith". */
	static String prefix(Random random) {
		int kind = random.nextInt(5);
		String text = switch (kind) {
			case 0, 1 -> Names.draw(Names.FIRST, random);
			case 2, 3 -> Names.draw(Names.LAST, random);
			default -> Names.draw(Names.FIRST, random).charAt(0) + Names.draw(Names.LAST, random);
		};
		return text.substring(0, 3).toLowerCase();
	}

	/** Text from inside a value: the middle of a name, a full name being typed, or a domain of the seeded emails. */
	static String anywhere(Random random) {
		int kind = random.nextInt(6);
		return switch (kind) {
			case 0, 1 -> middle(Names.draw(Names.LAST, random), random);
			case 2 -> middle(Names.draw(Names.FIRST, random), random);
			case 3, 4 -> (Names.draw(Names.FIRST, random) + " " + Names.draw(Names.LAST, random).substring(0, 3))
				.toLowerCase();
			default -> List.of("example.org", "corp.example", "mail.example").get(random.nextInt(3));
		};
	}

	/** Four letters (or the whole name, when shorter) from a name, not from its start. */
	private static String middle(String name, Random random) {
		if (name.length() <= 4) {
			return name.toLowerCase();
		}
		int start = 1 + random.nextInt(name.length() - 4);
		return name.substring(start, start + 4).toLowerCase();
	}

	private static Sample search(HttpClient client, String base, String token, String text)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(
				base + "/api/v1/users?limit=50&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		long started = System.nanoTime();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		long nanos = System.nanoTime() - started;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("search for '" + text + "' answered " + response.statusCode() + ": "
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
		System.out.println("slowest searches:");
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
