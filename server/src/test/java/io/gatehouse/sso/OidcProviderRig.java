package io.gatehouse.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID provider for the tests ({@code mock-oauth2-server}: discovery, JWKS, authorization and token
 * endpoints, signed ID tokens), a browser that follows the redirects between it and Gatehouse, and a man in the
 * middle for the provider's token responses, to hand Gatehouse a tampered ID token.
 */
public final class OidcProviderRig implements AutoCloseable {

	final MockOAuth2Server server = new MockOAuth2Server();

	private final HttpServer middle;

	/** What the man in the middle does to each token response's body. */
	volatile UnaryOperator<String> tamper = UnaryOperator.identity();

	/** A key the man in the middle publishes beside the provider's (a rotation), as a JWK in JSON; null for none. */
	volatile String extraKey;

	public OidcProviderRig() throws IOException {
		server.start();
		middle = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		middle.createContext("/", exchange -> {
			String issuerId = exchange.getRequestURI().getPath().split("/")[1];
			byte[] body;
			try {
				if (exchange.getRequestURI().getPath().endsWith("/.well-known/openid-configuration")) {
					String metadata = HttpClient.newHttpClient()
						.send(HttpRequest.newBuilder(URI.create(server.wellKnownUrl(issuerId).toString())).build(),
								HttpResponse.BodyHandlers.ofString())
						.body();
					body = metadata.replace(server.tokenEndpointUrl(issuerId).toString(), middleUrl(issuerId) + "/token")
						.replace(server.jwksUrl(issuerId).toString(), middleUrl(issuerId) + "/keys")
						.getBytes(StandardCharsets.UTF_8);
				}
				else if (exchange.getRequestURI().getPath().endsWith("/keys")) {
					String keys = HttpClient.newHttpClient()
						.send(HttpRequest.newBuilder(URI.create(server.jwksUrl(issuerId).toString())).build(),
								HttpResponse.BodyHandlers.ofString())
						.body();
					String extra = extraKey;
					if (extra != null) {
						keys = keys.replaceFirst("\\[", "[" + extra + ",");
					}
					body = keys.getBytes(StandardCharsets.UTF_8);
				}
				else {
					HttpRequest.Builder forward = HttpRequest
						.newBuilder(URI.create(server.tokenEndpointUrl(issuerId).toString()))
						.POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
						.header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
					String authorization = exchange.getRequestHeaders().getFirst("Authorization");
					if (authorization != null) {
						forward.header("Authorization", authorization);
					}
					body = tamper.apply(HttpClient.newHttpClient().send(forward.build(), HttpResponse.BodyHandlers.ofString()).body())
						.getBytes(StandardCharsets.UTF_8);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		middle.start();
	}

	public String issuer(String issuerId) {
		return server.issuerUrl(issuerId).toString();
	}

	/** Where the man in the middle serves the provider's metadata, naming itself as the token endpoint. */
	String middleUrl(String issuerId) {
		return "http://127.0.0.1:" + middle.getAddress().getPort() + "/" + issuerId;
	}

	/** The next token the provider issues is for this subject, with these claims. */
	public void nextUser(String issuerId, String subject, Map<String, Object> claims) {
		server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
	}

	void nextUser(String issuerId, String subject, List<String> audience, Map<String, Object> claims, long expiry) {
		server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, expiry));
	}

	@Override
	public void close() {
		middle.stop(0);
		server.shutdown();
	}

	/** A browser: keeps cookies, follows nothing by itself, so each hop can be looked at or changed. */
	static final class Browser {

		final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String url) {
			try {
				return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** A form post, as a provider's self-submitting page makes the browser send it. */
		HttpResponse<String> post(String url, Map<String, String> form) {
			String body = form.entrySet()
				.stream()
				.map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
						+ java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
				.collect(java.util.stream.Collectors.joining("&"));
			try {
				return http.send(HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		static String location(HttpResponse<?> response) {
			return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
					"no redirect but " + response.statusCode() + ": " + response.body()));
		}

		String cookie(String name) {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue)
				.reduce((a, b) -> b)
				.orElse(null);
		}

		void forget(String name) {
			cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.toList()
				.forEach(c -> cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore().remove(uri, c)));
		}
	}
}
