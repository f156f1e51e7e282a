package io.gatehouse.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What any request may carry, checked before anything reads it: a body of at most {@code maxBodySize} (refused at
 * once when its length says more, and cut off with {@link BodyTooLarge} when a chunked body grows past it), a
 * {@code Content-Type} that names one type (a wildcard cannot describe a body), and a query string that can be
 * decoded. Four parallel 64 MB sign-ins would otherwise each be read whole into memory.
 */
class RequestInputFilter extends OncePerRequestFilter {

	private final long maxBodySize;

	RequestInputFilter(HttpSettings settings) {
		this.maxBodySize = settings.maxBodySize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBodySize) {
			EdgeProblems.write(request, response, 413, "body-too-large",
					"The request body is larger than " + maxBodySize + " bytes.");
			return;
		}
		String contentType = request.getContentType();
		if (contentType != null && isWildcard(contentType)) {
			EdgeProblems.write(request, response, 415, "unsupported-media-type",
					"Content-Type must name the type of the body, such as application/json, not a wildcard.");
			return;
		}
		try {
			// the container decodes the query (and a form body) lazily and fails on the first reader's call
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			EdgeProblems.write(request, response, 400, "malformed-request",
					"The query string is not valid percent-encoded UTF-8.");
			return;
		}
		chain.doFilter(new Limited(request, maxBodySize), response);
	}

	private static boolean isWildcard(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false; // unreadable: the door answers 415 for it as for any type it does not take
		}
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			return readerOf(this);
		}
	}

	/** The reader over a wrapped request's own stream, in the body's charset (UTF-8 when it names none). */
	static BufferedReader readerOf(HttpServletRequest request) throws IOException {
		String charset = request.getCharacterEncoding();
		return new BufferedReader(new InputStreamReader(request.getInputStream(),
				charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			read += n;
			if (read > limit) {
				throw new BodyTooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
