package io.gatehouse.oidc;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.gatehouse.support.ApiIntegrationTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** What a relying party does, by hand: PKCE, the authorization request, the token, introspection and userinfo calls. */
final class OidcClient {

	static final String REDIRECT = "http://127.0.0.1:9/callback";

	private static final SecureRandom RANDOM = new SecureRandom();

	final String clientId;

	final String secret;

	private final RestTestClient http;

	OidcClient(int port, String clientId, String secret) {
		this.clientId = clientId;
		this.secret = secret;
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	static String verifier() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String authorizeUrl(String scope, String verifier, String redirect) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", clientId);
		query.put("redirect_uri", redirect);
		query.put("scope", scope);
		query.put("state", "st-" + RANDOM.nextInt(1_000_000));
		query.put("nonce", "n-" + RANDOM.nextInt(1_000_000));
		if (verifier != null) {
			query.put("code_challenge", challenge(verifier));
			query.put("code_challenge_method", "S256");
		}
		return "/oauth2/authorize?" + form(query);
	}

	/** The parameters of the redirect back to the application. */
	static Map<String, String> callback(String location) {
		URI uri = URI.create(location);
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	RestTestClient.ResponseSpec token(Map<String, String> parameters) {
		RestTestClient.RequestBodySpec request = http.post().uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		Map<String, String> body = new LinkedHashMap<>(parameters);
		if (secret != null) {
			request.header(HttpHeaders.AUTHORIZATION, basic());
		}
		else {
			body.put("client_id", clientId);
		}
		return request.body(form(body)).exchange();
	}

	Map<String, Object> exchange(String code, String verifier) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", "authorization_code");
		parameters.put("code", code);
		parameters.put("redirect_uri", REDIRECT);
		if (verifier != null) {
			parameters.put("code_verifier", verifier);
		}
		return token(parameters).expectStatus().isOk().expectBody(ApiIntegrationTest.JSON).returnResult()
			.getResponseBody();
	}

	RestTestClient.ResponseSpec refresh(String refreshToken) {
		return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	/** Introspection, authenticated as this (confidential) client. */
	Map<String, Object> introspect(String token) {
		return http.post().uri("/oauth2/introspect")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HttpHeaders.AUTHORIZATION, basic())
			.body("token=" + encode(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody(ApiIntegrationTest.JSON).returnResult().getResponseBody();
	}

	RestTestClient.ResponseSpec revoke(String token) {
		return http.post().uri("/oauth2/revoke")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HttpHeaders.AUTHORIZATION, basic())
			.body("token=" + encode(token))
			.exchange();
	}

	RestTestClient.ResponseSpec userinfo(String accessToken) {
		return http.get().uri("/userinfo").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange();
	}

	/** The claims of a JWT, read without checking its signature (the tests check that separately). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JsonMapper.builder().build().readValue(Base64.getUrlDecoder().decode(payload), Map.class);
	}

	private String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
