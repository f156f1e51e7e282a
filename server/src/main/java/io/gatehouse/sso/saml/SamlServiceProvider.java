package io.gatehouse.sso.saml;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.sso.IdentityProviders;
import io.gatehouse.sso.SamlKeys;
import org.codelibs.saml2.core.authn.AuthnRequest;
import org.codelibs.saml2.core.authn.AuthnRequestParams;
import org.codelibs.saml2.core.settings.Metadata;
import org.codelibs.saml2.core.settings.Saml2Settings;
import org.codelibs.saml2.core.settings.SettingsBuilder;
import org.codelibs.saml2.core.util.Constants;
import org.codelibs.saml2.core.util.Util;
import org.springframework.stereotype.Component;

/**
 * Gatehouse as a SAML 2.0 service provider of one identity provider, in java-saml's terms: its entity id is the
 * address of its metadata, answers come to its Assertion Consumer Service, requests are signed with the key every
 * node shares, and answers are read strictly (signature, destination, audience, recipient, time window).
 */
@Component
class SamlServiceProvider {

	static final String METADATA = "/sso/saml/metadata/";

	static final String START = "/sso/saml/start/";

	static final String ACS = "/sso/saml/acs/";

	private final SamlKeys keys;

	SamlServiceProvider(SamlKeys keys) {
		this.keys = keys;
	}

	/** What the request to the provider is: its id (the answer names it) and where the browser goes. */
	record Sent(String requestId, String location) {
	}

	static String entityId(String baseUrl, String alias) {
		return baseUrl + METADATA + alias;
	}

	static String acsUrl(String baseUrl, String alias) {
		return baseUrl + ACS + alias;
	}

	Saml2Settings settings(IdentityProviders.SamlClient client, String baseUrl) {
		Map<String, Object> values = new HashMap<>(client.metadata().settings());
		String alias = client.provider().alias();
		SamlKeys.Pair pair = keys.pair();
		values.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
		values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, entityId(baseUrl, alias));
		values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, acsUrl(baseUrl, alias));
		values.put(SettingsBuilder.SP_X509CERT_PROPERTY_KEY, pair.certificate());
		values.put(SettingsBuilder.SP_PRIVATEKEY_PROPERTY_KEY, pair.privateKey());
		values.put(SettingsBuilder.SECURITY_AUTHREQUEST_SIGNED, true);
		values.put(SettingsBuilder.SECURITY_SIGNATURE_ALGORITHM, Constants.RSA_SHA256);
		values.put(SettingsBuilder.SECURITY_WANT_XML_VALIDATION, true);
		values.put(SettingsBuilder.SECURITY_REJECT_DEPRECATED_ALGORITHM, true);
		values.put(SettingsBuilder.SECURITY_REJECT_UNSOLICITED_RESPONSES_WITH_INRESPONSETO, true);
		return new SettingsBuilder().fromValues(values).build();
	}

	String metadata(IdentityProviders.SamlClient client, String baseUrl) {
		try {
			return new Metadata(settings(client, baseUrl)).getMetadataString();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The service provider metadata could not be written", ex);
		}
	}

	/** An AuthnRequest for the HTTP-Redirect binding, signed over its query as that binding says. */
	Sent authnRequest(IdentityProviders.SamlClient client, String baseUrl) {
		Saml2Settings settings = settings(client, baseUrl);
		AuthnRequest request = new AuthnRequest(settings, new AuthnRequestParams(false, false, true));
		String query = "SAMLRequest=" + Util.urlEncoder(request.getEncodedAuthnRequest()) + "&SigAlg="
				+ Util.urlEncoder(Constants.RSA_SHA256);
		String signature;
		try {
			signature = Util.base64encoder(Util.sign(query, settings.getSPkey(), Constants.RSA_SHA256));
		}
		catch (Exception ex) {
			throw new IllegalStateException("The SAML request could not be signed", ex);
		}
		String signOn = client.metadata().signOnUrl();
		return new Sent(request.getId(), signOn + (signOn.contains("?") ? "&" : "?") + query + "&Signature="
				+ Util.urlEncoder(signature));
	}

	/** The InResponseTo of an answer not checked yet: only to find the request it claims to answer. */
	static String inResponseTo(String samlResponse) {
		try {
			String xml = new String(Util.base64decoder(samlResponse), StandardCharsets.UTF_8);
			var document = Util.loadXML(xml);
			return document == null ? null : document.getDocumentElement().getAttribute("InResponseTo");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The person as the other sign-ins see them: {@code sub} the NameID, the attributes under their names, and the
	 * identity fields from the names the common providers use (Entra ID's claim URIs, LDAP's OIDs, Keycloak's).
	 */
	static Map<String, Object> claims(String nameId, String nameIdFormat, Map<String, List<String>> attributes) {
		Map<String, Object> claims = new LinkedHashMap<>(attributes);
		claims.put("sub", nameId);
		String email = first(attributes, "email", "mail", "emailAddress", "urn:oid:0.9.2342.19200300.100.1.3",
				"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
		if (email == null && Constants.NAMEID_EMAIL_ADDRESS.equals(nameIdFormat)) {
			email = nameId;
		}
		put(claims, "email", email);
		// SAML has no email_verified: the provider is the directory the address comes from
		claims.put("email_verified", email != null);
		put(claims, "given_name", first(attributes, "givenName", "firstName", "urn:oid:2.5.4.42",
				"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"));
		put(claims, "family_name", first(attributes, "sn", "surname", "lastName", "urn:oid:2.5.4.4",
				"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"));
		put(claims, "name", first(attributes, "displayName", "name", "urn:oid:2.16.840.1.113730.3.1.241",
				"http://schemas.microsoft.com/identity/claims/displayname"));
		put(claims, "department", first(attributes, "department", "ou", "urn:oid:2.5.4.11"));
		return claims;
	}

	private static void put(Map<String, Object> claims, String name, String value) {
		if (value != null) {
			claims.put(name, value);
		}
		else {
			claims.remove(name);
		}
	}

	private static String first(Map<String, List<String>> attributes, String... names) {
		for (String name : names) {
			List<String> values = attributes.get(name);
			if (values != null && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
				return values.get(0);
			}
		}
		return null;
	}
}
