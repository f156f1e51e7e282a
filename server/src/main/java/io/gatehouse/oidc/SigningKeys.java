package io.gatehouse.oidc;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.gatehouse.jobs.OnceAcrossNodes;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The keys tokens are signed with, from the database so that every node signs with and publishes the same ones. The
 * newest active key signs (its id goes into every token's header, see {@link TokenClaims}); retired keys stay
 * published until what they signed has expired. Read at most every few seconds, and again at once when a token
 * names a key this node has not seen (another node rotated).
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

	private static final Duration FRESH_FOR = Duration.ofSeconds(30);

	private final SigningKeyStore store;

	private final OidcSettings settings;

	private final Clock clock;

	private final OnceAcrossNodes once;

	private volatile Loaded loaded;

	private record Loaded(List<JWK> keys, String signingKid, Instant at) {
	}

	SigningKeys(SigningKeyStore store, OidcSettings settings, Clock clock, OnceAcrossNodes once) {
		this.once = once;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		Loaded current = current();
		List<JWK> found = selector.select(new JWKSet(current.keys()));
		if (found.isEmpty() && selector.getMatcher().getKeyIDs() != null
				&& !selector.getMatcher().getKeyIDs().isEmpty()) {
			found = selector.select(new JWKSet(reload().keys()));
		}
		return found;
	}

	/** The key id new tokens are signed with. */
	String signingKid() {
		return current().signingKid();
	}

	/** Makes a key if there is none yet, and a new one when the newest is older than the rotation period. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	void rotate() {
		// one node rotates; every node then reads what is published
		once.run("oidc.signing-keys", Duration.ofMinutes(10), this::rotateDue);
		reload();
	}

	private void rotateDue() {
		Instant now = clock.instant();
		List<SigningKeyStore.StoredKey> keys = store.published();
		SigningKeyStore.StoredKey newest = keys.stream().filter(key -> key.retiredAt() == null).findFirst().orElse(null);
		if (newest == null || newest.createdAt().plus(settings.keyRotation()).isBefore(now)) {
			String kid = generate(now);
			store.retireAllBut(kid, now);
		}
		// what a retired key signed lives at most as long as an ID token or an access token
		store.deleteRetiredBefore(now.minus(settings.retiredKeyPublished()));
	}

	private Loaded current() {
		Loaded current = loaded;
		if (current == null || current.at().plus(FRESH_FOR).isBefore(clock.instant())) {
			current = reload();
		}
		return current;
	}

	private synchronized Loaded reload() {
		List<SigningKeyStore.StoredKey> keys = store.published();
		if (keys.stream().noneMatch(key -> key.retiredAt() == null)) {
			generate(clock.instant());
			keys = store.published();
		}
		List<JWK> jwks = keys.stream().map(SigningKeys::parse).toList();
		String signing = keys.stream().filter(key -> key.retiredAt() == null).findFirst().orElseThrow().kid();
		Loaded fresh = new Loaded(jwks, signing, clock.instant());
		loaded = fresh;
		return fresh;
	}

	private String generate(Instant now) {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			store.insert(key.getKeyID(), key.toJSONString(), now);
			return key.getKeyID();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	private static JWK parse(SigningKeyStore.StoredKey key) {
		try {
			return JWK.parse(key.privateJwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The stored signing key " + key.kid() + " cannot be read", ex);
		}
	}
}
