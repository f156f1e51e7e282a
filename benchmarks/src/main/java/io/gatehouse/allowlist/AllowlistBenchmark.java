package io.gatehouse.allowlist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU the allowlist check adds to every session and token request once the user's parsed rules are cached:
 * parsing the client address and comparing it with each rule. The worst case is an address outside the list, which
 * is compared with every rule. {@code parseRules} is what a cache miss costs on top of its one database read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AllowlistBenchmark {

	/** How many rules the user has: one office, a handful, the maximum. */
	@Param({ "1", "10", "100" })
	public int rules;

	private List<String> texts;

	private IpRules list;

	@Setup
	public void setUp() {
		texts = new ArrayList<>();
		for (int i = 0; i < rules; i++) {
			// a mix of every form, none of which admits the "outside" addresses below
			switch (i % 4) {
				case 0 -> texts.add("198.51." + (i % 250) + ".0/24");
				case 1 -> texts.add("203.0." + (i % 250) + ".");
				case 2 -> texts.add("192.0.2." + (i % 250));
				default -> texts.add("2001:db8:" + Integer.toHexString(i) + "::/48");
			}
		}
		list = IpRules.parse(texts, "rules");
	}

	@Benchmark
	public boolean ipv4Outside() {
		return list.permits("100.64.1.2");
	}

	@Benchmark
	public boolean ipv4InsideFirstRule() {
		return list.permits("198.51.0.77");
	}

	@Benchmark
	public boolean ipv6Outside() {
		return list.permits("2001:db9:0:0:0:0:0:1");
	}

	@Benchmark
	public IpRules parseRules() {
		return IpRules.parse(texts, "rules");
	}
}
