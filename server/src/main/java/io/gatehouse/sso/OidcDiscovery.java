package io.gatehouse.sso;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.gatehouse.shared.Admission;
import io.gatehouse.shared.DomainException;

/**
 * Reads a provider's OpenID Connect metadata and checks that it speaks for the registered issuer: metadata naming
 * another issuer would let its tokens pass the issuer check.
 */
@Component
public class OidcDiscovery {

	private final RestClient http;

	OidcDiscovery() {
		this.http = ProviderHttp.client();
	}

	/** The metadata, or a {@code provider-unreachable} / {@code provider-metadata-invalid} error. */
	public Map<String, Object> metadata(IdentityProvider provider) {
		Map<String, Object> metadata;
		try {
			// the provider's pace, not this node's: no place among the running requests held while it answers
			metadata = Admission.outside(() -> http.get()
				.uri(provider.metadataLocation())
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				}));
		}
		catch (RestClientException | IllegalArgumentException ex) {
			throw new DomainException(DomainException.Kind.CONFLICT, "provider-unreachable",
					"The provider's metadata could not be read from " + provider.metadataLocation() + ".");
		}
		if (metadata == null || !provider.issuer().equals(metadata.get("issuer"))) {
			throw new DomainException(DomainException.Kind.CONFLICT, "provider-metadata-invalid",
					"The metadata at " + provider.metadataLocation() + " does not name the issuer " + provider.issuer()
							+ ".");
		}
		for (String required : new String[] { "authorization_endpoint", "token_endpoint", "jwks_uri" }) {
			if (!(metadata.get(required) instanceof String)) {
				throw new DomainException(DomainException.Kind.CONFLICT, "provider-metadata-invalid",
						"The provider's metadata has no " + required + ".");
			}
		}
		return metadata;
	}
}
