package io.gatehouse.sso;

import java.util.Map;

import io.gatehouse.shared.Admission;
import io.gatehouse.shared.DomainException;
import org.codelibs.saml2.core.settings.IdPMetadataParser;
import org.codelibs.saml2.core.settings.SettingsBuilder;
import org.codelibs.saml2.core.util.Util;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.w3c.dom.Document;

/**
 * A SAML identity provider's metadata: read from its address or as pasted, and reduced to what a sign-in needs (its
 * entity id, where to send the request, the certificates its answers are signed with). java-saml parses it without
 * external entities.
 */
@Component
public class SamlMetadata {

	static final int MAX_LENGTH = 200_000;

	private final RestClient http;

	SamlMetadata() {
		this.http = ProviderHttp.client();
	}

	/** What a sign-in takes from the metadata. */
	public record Parsed(String entityId, String signOnUrl, Map<String, Object> settings) {
	}

	String fetch(String url) {
		String xml;
		try {
			// the provider's pace, not this node's: no place among the running requests held while it answers
			xml = Admission.outside(() -> http.get().uri(url).retrieve().body(String.class));
		}
		catch (RestClientException | IllegalArgumentException ex) {
			throw new DomainException(DomainException.Kind.CONFLICT, "provider-unreachable",
					"The provider's metadata could not be read from " + url + ".");
		}
		if (xml == null || xml.length() > MAX_LENGTH) {
			throw new DomainException(DomainException.Kind.CONFLICT, "provider-metadata-invalid",
					"The metadata at " + url + " is empty or longer than " + MAX_LENGTH + " characters.");
		}
		return xml;
	}

	/** The metadata's sign-in facts, or a {@code metadataXml} field error naming what is missing. */
	public Parsed parse(String xml) {
		Map<String, Object> values;
		try {
			Document document = Util.loadXML(xml);
			values = document == null ? Map.of() : IdPMetadataParser.parseXML(document);
		}
		catch (Exception ex) {
			values = Map.of();
		}
		Object entityId = values.get(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY);
		Object signOnUrl = values.get(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY);
		boolean certified = values.containsKey(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY)
				|| values.containsKey(SettingsBuilder.IDP_X509CERTMULTI_PROPERTY_KEY + ".0");
		if (!(entityId instanceof String id) || id.isBlank() || id.length() > 500
				|| !(signOnUrl instanceof String url) || url.isBlank() || !certified) {
			throw DomainException.invalidField("metadataXml", "saml-metadata",
					"must be a SAML 2.0 IdP EntityDescriptor with an entityID, a SingleSignOnService and a signing "
							+ "certificate");
		}
		return new Parsed(id, url, values);
	}
}
