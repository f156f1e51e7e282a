package io.gatehouse.scim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What every SCIM list shares: paging parameters, the ListResponse message, the base URL of locations. */
@Component
class ScimPages {

	static final int DEFAULT_COUNT = 100;

	/** Also announced as filter.maxResults in the ServiceProviderConfig. */
	static final int MAX_COUNT = 1000;

	static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	ResponseEntity<String> list(long total, int startIndex, List<ObjectNode> resources) {
		ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
		node.putArray("schemas").add(LIST_RESPONSE);
		node.put("totalResults", total);
		node.put("startIndex", startIndex);
		node.put("itemsPerPage", resources.size());
		ArrayNode array = node.putArray("Resources");
		resources.forEach(array::add);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, ScimErrors.MEDIA_TYPE)
			.body(JsonUtils.getObjectWriter().writeValueAsString(node));
	}

	/** One resource with its version as ETag; a created one (201) with its Location too. */
	static ResponseEntity<String> single(int status, String version, String location, ObjectNode node) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_TYPE, ScimErrors.MEDIA_TYPE)
			.eTag(version);
		if (status == 201) {
			response.header(HttpHeaders.LOCATION, location);
		}
		return response.body(JsonUtils.getObjectWriter().writeValueAsString(node));
	}

	static JsonNode read(String body) throws BadRequestException {
		try {
			return JsonUtils.getObjectReader().readTree(body == null ? "" : body);
		}
		catch (JacksonException ex) {
			throw BadRequestException.invalidSyntax("The request body is not valid JSON.");
		}
	}

	/** RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0; a non-number is refused. */
	static int number(String value, String name, int absent) throws BadRequestException {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw BadRequestException.invalidValue(name + " is a whole number.");
		}
	}

	static int clampCount(int count) {
		return Math.min(Math.max(count, 0), MAX_COUNT);
	}

	static boolean descending(String sortOrder) throws BadRequestException {
		if (sortOrder == null || sortOrder.isBlank()) {
			return false;
		}
		return switch (sortOrder.strip().toLowerCase(Locale.ROOT)) {
			case "ascending" -> false;
			case "descending" -> true;
			default -> throw BadRequestException.invalidValue("sortOrder is ascending or descending.");
		};
	}

	static Optional<UUID> uuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static String base(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/scim/v2").toUriString();
	}
}
