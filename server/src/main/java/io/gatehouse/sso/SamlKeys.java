package io.gatehouse.sso;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import io.gatehouse.shared.Timestamps;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SAML service provider's signing key and its self-signed certificate: made once, at first use, and kept in the
 * database so every node signs with the same key and the certificate in the metadata stays the one the identity
 * providers were given. The private key is sealed like the OIDC client secrets.
 */
@Component
public class SamlKeys {

	private static final String NAME = "sp";

	private final JdbcClient jdbc;

	private final ClientSecrets secrets;

	private final Clock clock;

	private volatile Pair cached;

	SamlKeys(JdbcClient jdbc, ClientSecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** PEM bodies (base64 of the DER, no armour lines), as java-saml takes them. */
	public record Pair(String certificate, String privateKey) {
	}

	public Pair pair() {
		Pair pair = cached;
		if (pair == null) {
			pair = stored().orElseGet(this::make);
			cached = pair;
		}
		return pair;
	}

	private Optional<Pair> stored() {
		return jdbc.sql("SELECT certificate, private_key FROM sso_saml_key WHERE name = ?")
			.param(NAME)
			.query((rs, row) -> new Pair(rs.getString("certificate"), secrets.open(rs.getString("private_key"))))
			.optional();
	}

	private Pair make() {
		Pair made = generate(clock.instant());
		try {
			jdbc.sql("INSERT INTO sso_saml_key (name, certificate, private_key, created_at) VALUES (?, ?, ?, ?)")
				.params(NAME, made.certificate(), secrets.seal(made.privateKey()), Timestamps.of(clock.instant()))
				.update();
			return made;
		}
		catch (DuplicateKeyException ex) {
			// another node made one first: everyone uses that one
			return stored().orElseThrow();
		}
	}

	static Pair generate(Instant now) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072);
			KeyPair keys = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Gatehouse SAML service provider");
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
					new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
			var certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
			Base64.Encoder base64 = Base64.getEncoder();
			return new Pair(base64.encodeToString(certificate.getEncoded()),
					base64.encodeToString(keys.getPrivate().getEncoded()));
		}
		catch (NoSuchAlgorithmException | OperatorCreationException | CertificateException ex) {
			throw new IllegalStateException("The SAML signing key could not be made", ex);
		}
	}
}
