package io.gatehouse.sso;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Client secrets at rest: AES-GCM under the configured key (Spring Security's encryptor), so a copy of the database
 * alone does not hand out the secrets. The prefix tells how a value was stored, so a key configured later still reads
 * the secrets stored before it.
 */
@Component
class ClientSecrets {

	private static final Logger log = LoggerFactory.getLogger(ClientSecrets.class);

	private static final String ENCRYPTED = "aes:";

	private static final String PLAIN = "plain:";

	// the key is the secret; a fixed salt only spares each node from having to agree on another value
	private static final String SALT = "6761746568f075736573736f";

	private final TextEncryptor encryptor;

	ClientSecrets(SsoSettings settings) {
		boolean keyed = settings.secretKey() != null && !settings.secretKey().isBlank();
		this.encryptor = keyed ? Encryptors.delux(settings.secretKey(), SALT) : null;
		if (!keyed) {
			log.warn("gatehouse.sso.secret-key is not set: identity providers' client secrets are stored unencrypted");
		}
	}

	String seal(String secret) {
		if (secret == null) {
			return null;
		}
		return encryptor == null ? PLAIN + secret : ENCRYPTED + encryptor.encrypt(secret);
	}

	String open(String stored) {
		if (stored == null) {
			return null;
		}
		if (stored.startsWith(PLAIN)) {
			return stored.substring(PLAIN.length());
		}
		if (encryptor == null) {
			throw new IllegalStateException("A client secret was stored encrypted; set gatehouse.sso.secret-key");
		}
		return encryptor.decrypt(stored.substring(ENCRYPTED.length()));
	}
}
