package io.gatehouse.passwords;

/**
 * The cost parameters of one Argon2id hash.
 */
record Argon2Cost(int memoryKib, int iterations, int parallelism) {

	// Upper bounds keep a tampered or corrupt stored hash from making a single verify take gigabytes or minutes.
	static final int MAX_MEMORY_KIB = 1024 * 1024;

	static final int MAX_ITERATIONS = 100;

	static final int MAX_PARALLELISM = 64;

	Argon2Cost {
		if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
			throw new IllegalArgumentException("Argon2 parallelism must be 1 to " + MAX_PARALLELISM + ", not " + parallelism);
		}
		if (iterations < 1 || iterations > MAX_ITERATIONS) {
			throw new IllegalArgumentException("Argon2 iterations must be 1 to " + MAX_ITERATIONS + ", not " + iterations);
		}
		// Argon2 itself needs at least 8 KiB per lane
		if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
			throw new IllegalArgumentException("Argon2 memory must be " + (8 * parallelism) + " to " + MAX_MEMORY_KIB
					+ " KiB for parallelism " + parallelism + ", not " + memoryKib);
		}
	}

	static Argon2Cost of(PasswordSettings.Argon2 settings) {
		return new Argon2Cost(settings.memoryKib(), settings.iterations(), settings.parallelism());
	}

	@Override
	public String toString() {
		return "m=" + this.memoryKib + ",t=" + this.iterations + ",p=" + this.parallelism;
	}

}
