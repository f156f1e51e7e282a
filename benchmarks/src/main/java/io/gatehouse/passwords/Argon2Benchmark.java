package io.gatehouse.passwords;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread Argon2id hash rate of both implementations the server can choose, through the same hash() a
 * sign-in or password change calls (salt, raw hash, PHC encoding). The server's sign-in ceiling is cores times
 * this rate.
 *
 * Lives in the hashers' package because they are package-private: the server keeps them out of its public API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// the pure Java speed differs from one JVM launch to the next (JIT decisions), so several forks
@Fork(3)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class Argon2Benchmark {

	@Param({ "native", "java" })
	public String implementation;

	// the server's defaults; -p memoryKib=... measures another cost without a rebuild
	@Param("7168")
	public int memoryKib;

	@Param("5")
	public int iterations;

	@Param("1")
	public int parallelism;

	private PasswordHasher hasher;

	@Setup
	public void setUp() {
		Argon2Cost cost = new Argon2Cost(this.memoryKib, this.iterations, this.parallelism);
		this.hasher = switch (this.implementation) {
			case "native" -> new NativeArgon2Hasher(cost);
			case "java" -> new JavaArgon2Hasher(cost);
			default -> throw new IllegalArgumentException("implementation must be native or java");
		};
	}

	@Benchmark
	public String hash() {
		return this.hasher.hash("Correct-Horse-7-Battery");
	}

}
