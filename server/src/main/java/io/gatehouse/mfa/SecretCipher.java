package io.gatehouse.mfa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts TOTP secrets with AES-256-GCM. The stored text names its key ({@code c1:} the configured one, {@code d1:}
 * the database one), so setting a key later does not make earlier secrets unreadable.
 */
@Component
class SecretCipher {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MfaStore store;

	private final SecretKey configured;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	private volatile SecretKey database;

	SecretCipher(MfaSettings settings, MfaStore store, PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
		this.configured = settings.encryptionKey() == null ? null
				: new SecretKeySpec(Base64.getDecoder().decode(settings.encryptionKey()), "AES");
	}

	String encrypt(String secret) {
		String label = configured != null ? "c1" : "d1";
		SecretKey key = configured != null ? configured : databaseKey();
		byte[] iv = new byte[12];
		RANDOM.nextBytes(iv);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, key, iv, secret.getBytes(StandardCharsets.UTF_8));
		byte[] out = new byte[iv.length + sealed.length];
		System.arraycopy(iv, 0, out, 0, iv.length);
		System.arraycopy(sealed, 0, out, iv.length, sealed.length);
		return label + ":" + Base64.getEncoder().encodeToString(out);
	}

	String decrypt(String stored) {
		SecretKey key = stored.startsWith("c1:") ? configured : databaseKey();
		if (key == null) {
			throw new IllegalStateException("A TOTP secret was encrypted with gatehouse.mfa.encryption-key, which is not set");
		}
		byte[] in = Base64.getDecoder().decode(stored.substring(3));
		byte[] iv = java.util.Arrays.copyOfRange(in, 0, 12);
		byte[] sealed = java.util.Arrays.copyOfRange(in, 12, in.length);
		return new String(run(Cipher.DECRYPT_MODE, key, iv, sealed), StandardCharsets.UTF_8);
	}

	private SecretKey databaseKey() {
		SecretKey key = database;
		if (key != null) {
			return key;
		}
		Optional<String> stored = store.key();
		if (stored.isPresent()) {
			key = new SecretKeySpec(Base64.getDecoder().decode(stored.get()), "AES");
			database = key;
			return key;
		}
		SecretKey made = new SecretKeySpec(Base64.getDecoder().decode(createKey()), "AES");
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// kept once committed: a key that rolled back with its first use must not stay in this node's memory,
			// or it would encrypt with a key no other node has
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					database = made;
				}
			});
		}
		else {
			database = made;
		}
		return made;
	}

	/**
	 * Made by whichever node asks first. The insert runs under a savepoint of the caller's transaction (a transaction
	 * of its own would need a second connection while this one is held), so the losers of a race read the winner's.
	 */
	private String createKey() {
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		String candidate = Base64.getEncoder().encodeToString(fresh);
		try {
			savepoint.executeWithoutResult(status -> store.insertKey(candidate, clock.instant()));
			return candidate;
		}
		catch (DuplicateKeyException ex) {
			return store.key().orElseThrow();
		}
	}

	private static byte[] run(int mode, SecretKey key, byte[] iv, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(128, iv));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
					+ " a TOTP secret", ex);
		}
	}
}
