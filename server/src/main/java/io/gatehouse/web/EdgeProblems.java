package io.gatehouse.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Problem details (RFC 9457) for the answers given before or outside any door: by the request limits, the firewall or
 * the servlet container. The same shape and {@code urn:gatehouse:problem:} types as the API's, with the security
 * headers, so a client sees one format whoever refused it. Built by hand: this runs where no Spring bean is at hand.
 */
public final class EdgeProblems {

	public static final String TYPE_PREFIX = "urn:gatehouse:problem:";

	private EdgeProblems() {
	}

	/** The stable code of a status without a more precise one: {@code not-found}, {@code bad-request}... */
	public static String code(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
			String detail) throws IOException {
		response.setStatus(status);
		SecurityHeaders.write(request, response);
		// bytes, not a writer: JSON is UTF-8 by definition, so the type needs no charset
		response.setContentType("application/problem+json");
		response.getOutputStream().write(json(status, code, detail).getBytes(StandardCharsets.UTF_8));
	}

	static void write(Writer writer, int status, String code, String detail) throws IOException {
		writer.write(json(status, code, detail));
	}

	static String json(int status, String code, String detail) {
		return "{\"type\":" + quote(TYPE_PREFIX + code) + ",\"title\":" + quote(title(code)) + ",\"status\":" + status
				+ ",\"detail\":" + quote(detail) + ",\"code\":" + quote(code) + "}";
	}

	private static String title(String code) {
		String words = code.replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}
}
