package io.gatehouse.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.shared.Admission;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request takes its place in line ({@link Admission}) once its body has arrived: the body is read whole
 * first (it is at most {@code maxBodySize}, checked by {@link RequestInputFilter} before this), so that a client
 * sending it slowly waits on its own connection and never holds a place others wait for.
 */
class AdmissionFilter extends OncePerRequestFilter {

	private final Admission admission;

	AdmissionFilter(Admission admission) {
		this.admission = admission;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest arrived = request;
		if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			try {
				arrived = new ArrivedBody(request, request.getInputStream().readAllBytes());
			}
			catch (BodyTooLarge ex) {
				EdgeProblems.write(request, response, 413, "body-too-large", ex.getMessage());
				return;
			}
		}
		try {
			admission.enter();
		}
		catch (InterruptedException ex) {
			// only while the node stops
			Thread.currentThread().interrupt();
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			EdgeProblems.write(request, response, 503, "shutting-down", "This node is stopping; try again.");
			return;
		}
		try {
			chain.doFilter(arrived, response);
		}
		finally {
			admission.leave();
		}
	}

	/** The request with its body already in memory. */
	private static final class ArrivedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private ServletInputStream stream;

		ArrivedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			if (stream == null) {
				stream = new BodyStream(new ByteArrayInputStream(body));
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			return RequestInputFilter.readerOf(this);
		}
	}

	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BodyStream(ByteArrayInputStream in) {
			this.in = in;
		}

		@Override
		public int read() {
			return in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("The body has already been read");
		}
	}
}
