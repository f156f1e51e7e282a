package io.gatehouse.tokens;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenFormatTests {

	@Test
	void generatesDistinctWellFormedTokens() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = TokenFormat.generate();
			assertThat(token).startsWith("gh_pat_").hasSize(TokenFormat.LENGTH).matches("gh_pat_[0-9A-Za-z]{49}");
			assertThat(TokenFormat.isWellFormed(token)).isTrue();
			seen.add(token);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void detectsEverySingleCharacterChange() {
		String token = TokenFormat.generate();
		for (int i = TokenFormat.PREFIX.length(); i < token.length(); i++) {
			char replacement = token.charAt(i) == 'x' ? 'y' : 'x';
			String changed = token.substring(0, i) + replacement + token.substring(i + 1);
			assertThat(TokenFormat.isWellFormed(changed)).as("changed at " + i).isFalse();
		}
	}

	@Test
	void refusesOtherShapes() {
		String token = TokenFormat.generate();
		assertThat(TokenFormat.isWellFormed(null)).isFalse();
		assertThat(TokenFormat.isWellFormed("")).isFalse();
		assertThat(TokenFormat.isWellFormed(token.substring(1))).isFalse();
		assertThat(TokenFormat.isWellFormed("ghp_" + token.substring(7))).isFalse();
		assertThat(TokenFormat.isWellFormed(token.replace(token.charAt(10), '-'))).isFalse();
	}

	@Test
	void hashesToAFixedLengthDigestThatIsNotTheToken() {
		String token = TokenFormat.generate();
		assertThat(TokenFormat.hash(token)).hasSize(64).isNotEqualTo(token).isEqualTo(TokenFormat.hash(token));
	}
}
