package io.gatehouse.benchmarks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Times users-list searches one after the other over one keep-alive connection and prints the latency percentiles.
 * Sequential on purpose: this is the latency one administrator typing into a search box sees, not a throughput
 * figure. Two kinds of text: {@code prefix} (the default), a fresh three-letter prefix drawn from the seeded names
 * as someone starts typing one; {@code anywhere}, text from inside a value: four letters from the middle of a first
 * or last name, a full name with the last name begun ("mary smi"), or an email domain; {@code full-name}, only the
 * full names of {@code anywhere}.
 *
 * Usage: SearchLatency BASE_URL TOKEN COUNT [WARMUP] [RANDOM_SEED] [prefix|anywhere|full-name]
 */
public final class SearchLatency {

	private SearchLatency() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 3) {
			System.err.println("usage: SearchLatency BASE_URL TOKEN COUNT [WARMUP] [RANDOM_SEED] [prefix|anywhere|full-name]");
			System.exit(2);
		}
		String base = args[0];
		String token = args[1];
		int count = Integer.parseInt(args[2]);
		int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 7L);
		String kind = args.length > 5 ? args[5] : "prefix";
		Function<Random, String> texts = switch (kind) {
			case "anywhere" -> SearchLatency::anywhere;
			case "full-name" -> SearchLatency::fullName;
			default -> SearchLatency::prefix;
		};
		TimedRequests requests = new TimedRequests(base, token);
		// the warm-up lets the server's JIT and the database's caches settle; its samples are dropped
		for (int i = 0; i < warmup; i++) {
			search(requests, texts.apply(random));
		}
		List<TimedRequests.Sample> samples = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			samples.add(search(requests, texts.apply(random)));
		}
		TimedRequests.report(samples);
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
			case 3, 4 -> fullName(random);
			default -> List.of("example.org", "corp.example", "mail.example").get(random.nextInt(3));
		};
	}

	/** A full name being typed: a first name and the first three letters of a last name, as in "mary smi". */
	static String fullName(Random random) {
		return (Names.draw(Names.FIRST, random) + " " + Names.draw(Names.LAST, random).substring(0, 3)).toLowerCase();
	}

	/** Four letters (or the whole name, when shorter) from a name, not from its start. */
	private static String middle(String name, Random random) {
		if (name.length() <= 4) {
			return name.toLowerCase();
		}
		int start = 1 + random.nextInt(name.length() - 4);
		return name.substring(start, start + 4).toLowerCase();
	}

	private static TimedRequests.Sample search(TimedRequests requests, String text)
			throws IOException, InterruptedException {
		return requests.get("/api/v1/users?limit=50&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), text);
	}
}
