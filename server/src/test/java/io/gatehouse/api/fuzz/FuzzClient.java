package io.gatehouse.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends a {@link FuzzRequest} as it is: through the JDK's HTTP client when its target is a valid URI, over a raw
 * socket when it is malformed on purpose (a bad percent-escape, a backslash), which no HTTP client sends.
 */
final class FuzzClient {

	record Answer(int status, String contentType, String body) {
	}

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	FuzzClient(int port) {
		this.port = port;
	}

	/** @param authorization null: anonymous */
	Answer send(FuzzRequest request, String authorization, String forwardedFor)
			throws IOException, InterruptedException {
		if (request.raw()) {
			return sendRaw(request, authorization, forwardedFor);
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
			.timeout(Duration.ofSeconds(60))
			.header("X-Forwarded-For", forwardedFor)
			.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(request.body()));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		if (request.ifMatch() != null) {
			builder.header("If-Match", request.ifMatch());
		}
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private Answer sendRaw(FuzzRequest request, String authorization, String forwardedFor) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder()
				.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
				.append("Host: localhost:").append(port).append("\r\nConnection: close\r\n")
				.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
			if (authorization != null) {
				head.append("Authorization: ").append(authorization).append("\r\n");
			}
			if (request.contentType() != null) {
				head.append("Content-Type: ").append(request.contentType()).append("\r\n");
			}
			byte[] body = request.body() == null ? new byte[0] : request.body();
			head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return parse(socket.getInputStream());
		}
	}

	private static Answer parse(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		String text = bytes.toString(StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String head = end < 0 ? text : text.substring(0, end);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		String contentType = "";
		for (String line : lines) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
				contentType = line.substring("content-type:".length()).strip();
			}
		}
		return new Answer(status, contentType, end < 0 ? "" : text.substring(end + 4));
	}
}
