package io.gatehouse.api.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One request of the fuzz run. {@code target} is the path and query as sent on the wire: percent-encoded, or on
 * purpose not ({@code raw}), which only a raw socket can send.
 *
 * @param contentType null: no Content-Type header
 * @param body null: no body
 * @param ifMatch null: no If-Match header
 */
record FuzzRequest(String what, String method, String target, boolean raw, String contentType, byte[] body,
		String ifMatch) {

	static FuzzRequest json(String what, String method, String target, String contentType, String body) {
		return new FuzzRequest(what, method, target, false, contentType,
				body == null ? null : body.getBytes(StandardCharsets.UTF_8), null);
	}

	@Override
	public String toString() {
		String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
		return method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target) + " [" + what + "]"
				+ (contentType == null ? "" : " " + contentType) + (shown.isEmpty() ? "" : " " + shown);
	}
}
