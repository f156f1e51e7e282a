package io.gatehouse.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.web.EdgeProblems;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail straight to the response, for the failures decided in filters before any controller. */
@Component
class ProblemWriter {

	// one prefix for the problems of the door and of the edge before it
	static final String TYPE_PREFIX = EdgeProblems.TYPE_PREFIX;

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, int status, String code, String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_PREFIX + code);
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("code", code);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}
}
