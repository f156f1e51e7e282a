package io.gatehouse.passwords;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the Argon2id implementation named by {@code gatehouse.passwords.argon2.implementation}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PasswordHashingConfiguration.class);

	@Bean
	PasswordHasher passwordHasher(PasswordSettings settings) {
		PasswordHasher hasher = select(settings.argon2());
		logger.info("Hashing passwords with {}", hasher);
		return hasher;
	}

	static PasswordHasher select(PasswordSettings.Argon2 settings) {
		return select(settings, NativeArgon2Hasher::new);
	}

	// the native constructor is a parameter so that tests can stand in a platform without the library
	static PasswordHasher select(PasswordSettings.Argon2 settings, Function<Argon2Cost, PasswordHasher> nativeHasher) {
		Argon2Cost cost = Argon2Cost.of(settings);
		return switch (settings.implementation()) {
			case NATIVE -> probe(nativeHasher.apply(cost));
			case JAVA -> new JavaArgon2Hasher(cost);
			case AUTO -> {
				try {
					yield probe(nativeHasher.apply(cost));
				}
				catch (Throwable ex) {
					// typically UnsatisfiedLinkError on a platform argon2-jvm ships no library for
					logger.warn("Native Argon2 is not available ({}), falling back to the slower pure Java implementation",
							ex.toString());
					yield new JavaArgon2Hasher(cost);
				}
			}
		};
	}

	private static PasswordHasher probe(PasswordHasher hasher) {
		// the native library loads on first use: hashing once here turns a missing library into a startup failure
		hasher.hash("native library probe");
		return hasher;
	}

}
