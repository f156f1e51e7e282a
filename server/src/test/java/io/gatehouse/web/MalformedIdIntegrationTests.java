package io.gatehouse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the console and every API read whose address holds an id, found from the server's own request
 * mappings (so a route added later is walked too), opened with an id that is not one: never a 5xx, and where the id
 * is typed the same 404 as an id nothing has.
 */
class MalformedIdIntegrationTests extends ApiIntegrationTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

	private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void aMalformedIdInAnyAddressIsNotFound() {
		RestTestClient console = signIn(ADMIN, ADMIN_PASSWORD).cookieOnly();
		List<String> walked = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			if (!info.getMethodsCondition().getMethods().isEmpty()
					&& !info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				boolean api = pattern.startsWith("/api/v1/");
				if (!(api || pattern.startsWith("/console/")) || !VARIABLE.matcher(pattern).find()) {
					continue;
				}
				walked.add(pattern);
				String malformed = VARIABLE.matcher(pattern).replaceAll("not-a-uuid");
				RestTestClient client = api ? admin() : console;
				EntityExchangeResult<String> answer = client.get().uri(malformed).exchange()
					.expectBody(String.class).returnResult();
				int status = answer.getStatus().value();
				String body = answer.getResponseBody() == null ? "" : answer.getResponseBody();
				if (status >= 500) {
					failures.add(status + " " + malformed);
				}
				else if (typedId(mapping.getValue())) {
					if (status != 404) {
						failures.add(status + " instead of 404: " + malformed);
					}
					else if (api) {
						String unknown = VARIABLE.matcher(pattern).replaceAll(UUID.randomUUID().toString());
						EntityExchangeResult<String> missing = admin().get().uri(unknown).exchange()
							.expectBody(String.class).returnResult();
						assertThat(answer.getResponseHeaders().getContentType())
							.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
						if (missing.getStatus().value() == 404 && !type(body).equals(type(missing.getResponseBody()))) {
							failures.add(type(body) + " instead of " + type(missing.getResponseBody()) + ": " + malformed);
						}
					}
					else if (!body.contains("Not found")) {
						failures.add("no not-found page: " + malformed);
					}
				}
			}
		}
		assertThat(walked).contains("/console/users/{id}", "/console/groups/{id}", "/console/roles/{id}",
				"/console/resources/{id}", "/api/v1/users/{id}", "/api/v1/groups/{id}", "/api/v1/roles/{id}",
				"/api/v1/resources/{id}");
		assertThat(failures).isEmpty();
	}

	/** An id the handler reads as something other than text (a UUID): one that cannot be read names nothing. */
	private static boolean typedId(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(PathVariable.class) && parameter.getParameterType() != String.class) {
				return true;
			}
		}
		return false;
	}

	private static String type(String problem) {
		Matcher type = TYPE.matcher(problem == null ? "" : problem);
		return type.find() ? type.group(1) : "";
	}
}
