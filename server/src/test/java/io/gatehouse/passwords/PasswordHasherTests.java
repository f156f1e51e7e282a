package io.gatehouse.passwords;

import java.nio.CharBuffer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordHasherTests {

	// small cost keeps the suite fast; one test below uses the defaults
	private static final Argon2Cost CHEAP = new Argon2Cost(1024, 1, 1);

	private static final String PHC = "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";

	static Stream<Argon2Hasher> hashers() {
		return Stream.of(new NativeArgon2Hasher(CHEAP), new JavaArgon2Hasher(CHEAP));
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void verifiesTheRightPasswordOnly(PasswordHasher hasher) {
		String hash = hasher.hash("correct horse battery staple");
		assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
		assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
		assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
		assertThat(hasher.verify("", hash)).isFalse();
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void writesPhcStrings(PasswordHasher hasher) {
		String hash = hasher.hash("secret");
		assertThat(hash).matches(PHC).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void saltsEveryHash(PasswordHasher hasher) {
		assertThat(hasher.hash("secret")).isNotEqualTo(hasher.hash("secret"));
	}

	@Test
	void eachImplementationVerifiesTheOthersHashes() {
		PasswordHasher nativeHasher = new NativeArgon2Hasher(CHEAP);
		PasswordHasher javaHasher = new JavaArgon2Hasher(CHEAP);
		for (String password : new String[] { "", "secret", "pässwörd with ünïcode 🔑", "x".repeat(128) }) {
			assertThat(javaHasher.verify(password, nativeHasher.hash(password))).as(password).isTrue();
			assertThat(nativeHasher.verify(password, javaHasher.hash(password))).as(password).isTrue();
			assertThat(javaHasher.verify(password + "!", nativeHasher.hash(password))).as(password).isFalse();
			assertThat(nativeHasher.verify(password + "!", javaHasher.hash(password))).as(password).isFalse();
		}
	}

	@Test
	void matchesAPublishedHash() {
		// a test vector of the reference implementation (phc-winner-argon2, src/test.c)
		String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
		hashers().forEach((hasher) -> {
			assertThat(hasher.verify("password", reference)).as(hasher.implementationName()).isTrue();
			assertThat(hasher.verify("Password", reference)).as(hasher.implementationName()).isFalse();
		});
	}

	@Test
	void verifiesHashesWithAnotherCost() {
		String older = new JavaArgon2Hasher(new Argon2Cost(1024, 3, 2)).hash("secret");
		hashers().forEach((hasher) -> assertThat(hasher.verify("secret", older)).isTrue());
	}

	@Test
	void worksAtTheDefaultCost() {
		Argon2Cost defaults = Argon2Cost.of(new PasswordSettings(null, false, null).argon2());
		PasswordHasher nativeHasher = new NativeArgon2Hasher(defaults);
		PasswordHasher javaHasher = new JavaArgon2Hasher(defaults);
		String hash = nativeHasher.hash("secret");
		assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").matches(PHC);
		assertThat(javaHasher.verify("secret", hash)).isTrue();
		assertThat(javaHasher.needsRehash(hash)).isFalse();
	}

	@Test
	void needsRehashWhenTheCostDiffers() {
		PasswordHasher current = new JavaArgon2Hasher(new Argon2Cost(1024, 5, 1));
		assertThat(current.needsRehash(current.hash("secret"))).isFalse();
		assertThat(current.needsRehash(new JavaArgon2Hasher(new Argon2Cost(1024, 3, 1)).hash("secret"))).isTrue();
		assertThat(current.needsRehash(new JavaArgon2Hasher(new Argon2Cost(2048, 5, 1)).hash("secret"))).isTrue();
		assertThat(current.needsRehash(new JavaArgon2Hasher(new Argon2Cost(1024, 5, 2)).hash("secret"))).isTrue();
		// argon2i, another algorithm
		assertThat(current.needsRehash(current.hash("secret").replace("$argon2id$", "$argon2i$"))).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "secret", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
			"$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc=",
			"$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPP",
			"$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ",
			"$argon2id$v=19$m=1024,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=1024,t=99999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=1024,t=1,p=1$c29t$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFa!aO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			" $argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc" })
	void treatsMalformedHashesAsWrongAndOutdated(String encoded) {
		hashers().forEach((hasher) -> {
			assertThatNoException().isThrownBy(() -> hasher.verify("password", encoded));
			assertThat(hasher.verify("password", encoded)).isFalse();
			assertThat(hasher.needsRehash(encoded)).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void nullPasswordNeverVerifies(PasswordHasher hasher) {
		assertThat(hasher.verify(null, hasher.hash("secret"))).isFalse();
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void normalizesUnicodeBeforeHashing(PasswordHasher hasher) {
		String composed = "caf\u00E9 cr\u00E8me";
		String decomposed = "cafe\u0301 cre\u0300me";
		assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
		assertThat(hasher.verify(composed, hasher.hash(decomposed))).isTrue();
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void acceptsAnyCharSequence(PasswordHasher hasher) {
		String hash = hasher.hash(new StringBuilder("secret"));
		assertThat(hasher.verify(CharBuffer.wrap(new char[] { 's', 'e', 'c', 'r', 'e', 't' }), hash)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("hashers")
	void dummyHashIsStableAndUsesTheCurrentCost(PasswordHasher hasher) {
		String dummy = hasher.dummyHash();
		assertThat(dummy).matches(PHC).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
		assertThat(hasher.dummyHash()).isSameAs(dummy);
		assertThat(hasher.needsRehash(dummy)).isFalse();
		assertThat(hasher.verify("", dummy)).isFalse();
	}

}
