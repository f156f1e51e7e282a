package io.gatehouse.api;

import java.util.Locale;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a path id that cannot be read as an id was meant to name, for the problem a feature gives an unknown id
 * ({@code user-not-found} for {@code /users/{id}}), so a client cannot tell a malformed id from a missing one.
 */
final class MalformedIds {

	private MalformedIds() {
	}

	/** Named by the collection the variable stands in: {@code /me/sessions/{id}} is a session. */
	static String thing(WebRequest request, String variable) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (pattern != null) {
			String[] segments = pattern.toString().split("/");
			for (int i = 1; i < segments.length; i++) {
				if (segments[i].equals("{" + variable + "}")) {
					String collection = segments[i - 1].toLowerCase(Locale.ROOT);
					return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
				}
			}
		}
		return "thing";
	}
}
