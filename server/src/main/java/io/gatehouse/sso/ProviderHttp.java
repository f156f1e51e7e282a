package io.gatehouse.sso;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one way a provider's documents (OIDC discovery, SAML metadata) are read: short timeouts, so that a provider
 * that does not answer cannot hold a request thread, and no redirects, so that the address checked is the address
 * read.
 */
final class ProviderHttp {

	private ProviderHttp() {
	}

	static RestClient client() {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(Duration.ofSeconds(10));
		return RestClient.builder().requestFactory(factory).build();
	}
}
