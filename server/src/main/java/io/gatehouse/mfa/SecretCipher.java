package io.gatehouse.mfa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets with AES-256-GCM. The stored text names its key ({@code c1:} the configured one, {@code d1:}
 * the database one), so setting a key later does not make earlier secrets unreadable.
 */
@Component
class SecretCipher {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MfaStore store;

	private final SecretKey configured;

	private volatile SecretKey database;

	SecretCipher(MfaSettings settings, MfaStore store) {
		this.store = store;
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
		if (key == null) {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			key = new SecretKeySpec(Base64.getDecoder().decode(store.keyOrCreate(Base64.getEncoder().encodeToString(fresh))), "AES");
			database = key;
		}
		return key;
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
