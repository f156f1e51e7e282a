package io.gatehouse.sso;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.codelibs.saml2.core.util.Constants;
import org.codelibs.saml2.core.util.Util;
import org.w3c.dom.Document;

/**
 * A SAML 2.0 identity provider for the tests, made of the XML signature library Gatehouse itself uses (Apache
 * Santuario, through java-saml): no SAML identity provider that runs in a JVM is served by the registry (Shibboleth's
 * and Spring's need OpenSAML, which is not; Keycloak's needs a server of its own), so this one reads the signed
 * AuthnRequest the browser brings, checks its signature against the service provider's metadata as a real provider
 * would, and answers with a Response whose assertion it signs with its own key. Each answer can be spoiled in one way
 * (unsigned, tampered, another audience, expired...), as an attacker or a broken provider would send it.
 */
public final class SamlIdentityProviderRig {

	static final String SIGN_ON_URL = "https://idp.test/saml/sso";

	private final X509Certificate certificate;

	private final PrivateKey key;

	private final String certificateBase64;

	public SamlIdentityProviderRig() {
		SamlKeys.Pair pair = SamlKeys.generate(Instant.now());
		try {
			this.certificate = Util.loadCert(pair.certificate());
			this.key = Util.loadPrivateKey(pair.privateKey());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.certificateBase64 = pair.certificate();
	}

	public static String entityId(String alias) {
		return "https://idp.test/" + alias;
	}

	/** The provider's metadata, as an administrator pastes it. */
	public String metadata(String alias) {
		return """
				<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
				    xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
				  <md:IDPSSODescriptor WantAuthnRequestsSigned="true"
				      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
				    <md:KeyDescriptor use="signing">
				      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
				    </md:KeyDescriptor>
				    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
				    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
				  </md:IDPSSODescriptor>
				</md:EntityDescriptor>""".formatted(entityId(alias), certificateBase64, SIGN_ON_URL);
	}

	/** What the provider read from the request the browser brought. */
	record Request(String id, String issuer, String acsUrl) {
	}

	/**
	 * Reads the AuthnRequest of the redirect and checks its signature with the certificate of the service provider's
	 * metadata, as the HTTP-Redirect binding says (over the query's own encoding).
	 */
	static Request read(String redirect, String serviceProviderMetadata) throws Exception {
		String query = redirect.substring(redirect.indexOf('?') + 1);
		Map<String, String> raw = new HashMap<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			raw.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		String signed = "SAMLRequest=" + raw.get("SAMLRequest") + "&SigAlg=" + raw.get("SigAlg");
		Document spMetadata = Util.loadXML(serviceProviderMetadata);
		String spCertificate = spMetadata.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate")
			.item(0)
			.getTextContent()
			.trim();
		boolean valid = Util.validateBinarySignature(signed,
				Util.base64decoder(URLDecoder.decode(raw.get("Signature"), StandardCharsets.UTF_8)),
				Util.loadCert(spCertificate), URLDecoder.decode(raw.get("SigAlg"), StandardCharsets.UTF_8));
		if (!valid) {
			throw new AssertionError("the AuthnRequest's signature does not verify with the SP metadata's certificate");
		}
		Document request = Util.loadXML(
				Util.base64decodedInflated(URLDecoder.decode(raw.get("SAMLRequest"), StandardCharsets.UTF_8)));
		var root = request.getDocumentElement();
		String issuer = root.getElementsByTagNameNS(Constants.NS_SAML, "Issuer").item(0).getTextContent();
		return new Request(root.getAttribute("ID"), issuer, root.getAttribute("AssertionConsumerServiceURL"));
	}

	/** An answer to {@code request}, spoiled by the changes of {@code answer}. */
	Answer answer(String alias, Request request, String nameId, Map<String, List<String>> attributes) {
		return new Answer(alias, request, nameId, attributes);
	}

	final class Answer {

		private final String alias;

		String inResponseTo;

		String destination;

		String recipient;

		String audience;

		Instant notBefore = Instant.now().minusSeconds(30);

		Instant notOnOrAfter = Instant.now().plus(Duration.ofMinutes(5));

		String nameId;

		final Map<String, List<String>> attributes;

		boolean signAssertion = true;

		/** Changes the signed assertion's text afterwards: the signature no longer holds. */
		UnaryOperator<String> tamper = UnaryOperator.identity();

		String assertionId = "_" + UUID.randomUUID();

		/** A second, unsigned assertion put first in the response (signature wrapping). */
		String wrappedNameId;

		private Answer(String alias, Request request, String nameId, Map<String, List<String>> attributes) {
			this.alias = alias;
			this.inResponseTo = request.id();
			this.destination = request.acsUrl();
			this.recipient = request.acsUrl();
			this.audience = request.issuer();
			this.nameId = nameId;
			this.attributes = attributes;
		}

		/** The base64 of the Response, as the SAMLResponse form field carries it. */
		String encoded() throws Exception {
			String assertion = assertion(assertionId, nameId);
			if (signAssertion) {
				assertion = stripDeclaration(Util.addSign(Util.loadXML(assertion), key, certificate,
						Constants.RSA_SHA256, Constants.SHA256));
			}
			assertion = tamper.apply(assertion);
			String wrapped = wrappedNameId == null ? "" : assertion("_" + UUID.randomUUID(), wrappedNameId);
			String response = """
					<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_%s" Version="2.0"
					    IssueInstant="%s" Destination="%s" InResponseTo="%s"><saml:Issuer
					    xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">%s</saml:Issuer><samlp:Status><samlp:StatusCode
					    Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>%s%s</samlp:Response>"""
				.formatted(UUID.randomUUID(), Instant.now(), destination, inResponseTo, entityId(alias), wrapped,
						assertion);
			return Util.base64encoder(response.getBytes(StandardCharsets.UTF_8));
		}

		private String assertion(String id, String subject) {
			StringBuilder statements = new StringBuilder();
			attributes.forEach((name, values) -> {
				statements.append("<saml:Attribute Name=\"").append(name).append("\">");
				values.forEach(v -> statements.append("<saml:AttributeValue>").append(v).append("</saml:AttributeValue>"));
				statements.append("</saml:Attribute>");
			});
			Instant now = Instant.now();
			return """
					<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="%s" Version="2.0" \
					IssueInstant="%s"><saml:Issuer>%s</saml:Issuer><saml:Subject><saml:NameID \
					Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">%s</saml:NameID><saml:SubjectConfirmation \
					Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="%s" \
					NotOnOrAfter="%s" Recipient="%s"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions \
					NotBefore="%s" NotOnOrAfter="%s"><saml:AudienceRestriction><saml:Audience>%s</saml:Audience>\
					</saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="%s" \
					SessionIndex="_s%s"><saml:AuthnContext><saml:AuthnContextClassRef>\
					urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>\
					</saml:AuthnContext></saml:AuthnStatement>%s</saml:Assertion>"""
				.formatted(id, now, entityId(alias), subject, inResponseTo, notOnOrAfter, recipient, notBefore,
						notOnOrAfter, audience, now, UUID.randomUUID().toString().replace("-", ""),
						statements.isEmpty() ? "" : "<saml:AttributeStatement>" + statements + "</saml:AttributeStatement>");
		}
	}

	private static String stripDeclaration(String xml) {
		return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
	}
}
