package io.gatehouse.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of the API door, which are also those of every answer no door's chain wrote (a refusal by
 * the firewall, the container or the request limits): one list, so both say the same. A strict CSP that still lets
 * Swagger UI run, no framing, no sniffing, no referrer, and HSTS on requests that came over TLS.
 */
public final class SecurityHeaders {

	// the API answers JSON and Swagger UI's own files: nothing needs another origin, inline scripts or framing
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final List<HeaderWriter> WRITERS = List.of(new CacheControlHeadersWriter(),
			new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
			new HstsHeaderWriter(31_536_000, true), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER));

	private SecurityHeaders() {
	}

	public static List<HeaderWriter> writers() {
		return WRITERS;
	}

	static void write(HttpServletRequest request, HttpServletResponse response) {
		WRITERS.forEach(writer -> writer.writeHeaders(request, response));
	}
}
