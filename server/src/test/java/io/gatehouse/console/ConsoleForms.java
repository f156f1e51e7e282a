package io.gatehouse.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A console session without a browser: the session cookie, and the console's CSRF cookie and form token as a page
 * hands them out, to post the console's forms directly (what a forged or hand-made request can send).
 */
final class ConsoleForms {

	private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final int port;

	private final String session;

	private final String csrfCookie;

	private final String token;

	ConsoleForms(int port, String session) {
		this.port = port;
		this.session = session;
		EntityExchangeResult<String> page = client("GATEHOUSE_SESSION=" + session).get().uri("/console/profile")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		List<String> cookies = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
		this.csrfCookie = cookies.stream()
			.filter(cookie -> cookie.startsWith(ConsoleCsrf.COOKIE + "="))
			.map(cookie -> cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		Matcher meta = META.matcher(page.getResponseBody());
		this.token = meta.find() ? meta.group(1) : null;
	}

	RestTestClient client() {
		return client("GATEHOUSE_SESSION=" + session + "; " + ConsoleCsrf.COOKIE + "=" + csrfCookie);
	}

	RestTestClient.ResponseSpec post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return client().post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + encode(token) + (body.isEmpty() ? "" : "&" + body)).exchange();
	}

	RestTestClient.ResponseSpec get(String path) {
		return client().get().uri(path).exchange();
	}

	private RestTestClient client(String cookies) {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.COOKIE, cookies).build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
