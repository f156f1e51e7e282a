package io.gatehouse.web;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.shared.Admission;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** A text file sent as a download, as every door sends one: UTF-8, saved under its name, never cached. */
public final class Attachments {

	private Attachments() {
	}

	/** Sets the headers and returns the writer of the body: call it once nothing can refuse any more. */
	public static Writer open(HttpServletResponse response, String mediaType, String fileName) throws IOException {
		response.setContentType(mediaType + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// a download goes as fast as the client reads it: a slow one must not hold a place others wait for
		Admission.giveBack();
		return response.getWriter();
	}
}
