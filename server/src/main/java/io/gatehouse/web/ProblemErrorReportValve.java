package io.gatehouse.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report, as a problem detail with the security headers instead of an HTML page naming the server
 * and its version. It answers every error no door wrote a body for: a request the container cannot parse (a bad
 * percent-encoding in the path, an encoded slash), one the firewall refuses, a failure in a filter. Set as the
 * host's error report valve by {@link EdgeConfiguration}; Tomcat makes it by its class name, hence no beans here.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		// a message given with sendError by a refusal here (never an exception's) may say what was wrong
		String detail = status < 500 && response.getMessage() != null && !response.getMessage().isBlank()
				? response.getMessage() : defaultDetail(status);
		try {
			SecurityHeaders.write(request, response);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				EdgeProblems.write(writer, status, EdgeProblems.code(status), detail);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away, or the response was already on its way: nothing more to tell
		}
	}

	private static String defaultDetail(int status) {
		if (status >= 500) {
			return "Something went wrong on our side; it has been logged.";
		}
		return switch (status) {
			case 400 -> "The request is malformed: its path, query or headers could not be read.";
			case 404 -> "Nothing is here.";
			default -> "The request was refused.";
		};
	}
}
