package io.gatehouse.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a page engine: it keeps cookies and follows redirects within the server, so that a test walks
 * the authorization endpoint, the console's real sign-in form and back, as a person's browser does. It stops at the
 * first redirect that leaves the server (the application's redirect URI) and hands that address back.
 */
final class OidcBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private static final Pattern NEXT = Pattern.compile("name=\"next\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	OidcBrowser(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Opens the address and follows redirects while they stay on the server; the last answer. */
	HttpResponse<String> open(String pathOrUrl) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET().build());
		return follow(response);
	}

	/** Fills in the sign-in form of the page just shown and submits it, following redirects. */
	HttpResponse<String> signIn(HttpResponse<String> page, String login, String password) {
		String body = page.body();
		Matcher csrf = CSRF.matcher(body);
		if (!csrf.find()) {
			throw new AssertionError("no sign-in form on " + page.uri() + ": " + body);
		}
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
		Matcher next = NEXT.matcher(body);
		if (next.find()) {
			fields.put("next", unescape(next.group(1)));
		}
		fields.put("login", login);
		fields.put("password", password);
		return post("/console/sign-in", fields);
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return follow(send(HttpRequest.newBuilder(resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build()));
	}

	private HttpResponse<String> follow(HttpResponse<String> response) {
		for (int hops = 0; hops < 10; hops++) {
			if (response.statusCode() / 100 != 3) {
				return response;
			}
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			if (!next.toString().startsWith(base)) {
				return response;
			}
			response = send(HttpRequest.newBuilder(next).GET().build());
		}
		throw new AssertionError("too many redirects");
	}

	private URI resolve(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
			.replace("&gt;", ">");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
