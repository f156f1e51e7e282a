package io.gatehouse.tokens;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU a bearer token costs on every request before its database lookup: the format check and the SHA-256
 * that keys the lookup. In the token's package because generate() and hash() are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenFormatBenchmark {

	private String token;

	@Setup
	public void setUp() {
		this.token = TokenFormat.generate();
	}

	@Benchmark
	public boolean isWellFormed() {
		return TokenFormat.isWellFormed(this.token);
	}

	@Benchmark
	public String hash() {
		return TokenFormat.hash(this.token);
	}

}
