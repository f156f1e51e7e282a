package io.gatehouse.scim;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.SearchRequest;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.Parser;
import io.gatehouse.provisioning.ProvisionedUser;
import io.gatehouse.provisioning.ProvisionedUserPage;
import io.gatehouse.provisioning.ProvisionedUsers;
import io.gatehouse.shared.DomainException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /scim/v2/Users}: one call of {@link ProvisionedUsers} per request, JSON in and out through the SDK. */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUserController {

	private final ProvisionedUsers users;

	private final ScimPages pages;

	ScimUserController(ProvisionedUsers users, ScimPages pages) {
		this.users = users;
		this.pages = pages;
	}

	@GetMapping({ "", "/" })
	ResponseEntity<String> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String startIndex, @RequestParam(required = false) String count,
			@RequestParam(required = false) String sortBy, @RequestParam(required = false) String sortOrder,
			@RequestParam(required = false) String attributes,
			@RequestParam(required = false) String excludedAttributes, HttpServletRequest request) throws ScimException {
		return search(filter, ScimPages.number(startIndex, "startIndex", 1), ScimPages.number(count, "count",
				ScimPages.DEFAULT_COUNT), sortBy, sortOrder, ScimProjection.of(attributes, excludedAttributes), request);
	}

	@PostMapping("/.search")
	ResponseEntity<String> searchByPost(@RequestBody String body, HttpServletRequest request) throws ScimException {
		SearchRequest search;
		try {
			search = JsonUtils.getObjectReader().forType(SearchRequest.class).readValue(body);
		}
		catch (JacksonException ex) {
			throw BadRequestException.invalidSyntax("The body is not a SearchRequest message.");
		}
		SortOrder order = search.getSortOrder();
		return search(search.getFilter(), search.getStartIndex() == null ? 1 : search.getStartIndex(),
				search.getCount() == null ? ScimPages.DEFAULT_COUNT : search.getCount(), search.getSortBy(),
				order == null ? null : order.getName(),
				ScimProjection.of(search.getAttributes() == null ? null : List.copyOf(search.getAttributes()),
						search.getExcludedAttributes() == null ? null : List.copyOf(search.getExcludedAttributes())),
				request);
	}

	private ResponseEntity<String> search(String filter, int startIndex, int count, String sortBy, String sortOrder,
			ScimProjection projection, HttpServletRequest request) throws ScimException {
		Filter parsed = filter == null || filter.isBlank() ? null : Parser.parseFilter(filter);
		boolean descending = ScimPages.descending(sortOrder);
		int start = Math.max(startIndex, 1);
		int size = ScimPages.clampCount(count);
		ProvisionedUserPage page = users.search(ScimAuthentication.current(), parsed, sortBy, descending, start, size);
		List<ObjectNode> resources = page.users()
			.stream()
			.map(user -> projection.apply(ScimUserJson.toNode(user, location(request, user.user().id()))))
			.toList();
		return pages.list(page.total(), start, resources);
	}

	@GetMapping("/{id}")
	ResponseEntity<String> get(@PathVariable String id, @RequestParam(required = false) String attributes,
			@RequestParam(required = false) String excludedAttributes, HttpServletRequest request) throws ScimException {
		ScimProjection projection = ScimProjection.of(attributes, excludedAttributes);
		ProvisionedUser user = existing(id);
		return single(200, user, projection, request);
	}

	@PostMapping
	ResponseEntity<String> create(@RequestBody String body, HttpServletRequest request) throws ScimException {
		ProvisionedUser user = users.create(ScimAuthentication.current(), ScimUserJson.fromNode(read(body)));
		return single(201, user, ScimProjection.ALL, request);
	}

	@PutMapping("/{id}")
	ResponseEntity<String> replace(@PathVariable String id, @RequestBody String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws ScimException {
		UUID userId = existing(id).user().id();
		ProvisionedUser user = users.replace(ScimAuthentication.current(), userId, ScimUserJson.fromNode(read(body)),
				ifMatch);
		return single(200, user, ScimProjection.ALL, request);
	}

	@PatchMapping("/{id}")
	ResponseEntity<String> patch(@PathVariable String id, @RequestBody String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws ScimException {
		ProvisionedUser current = existing(id);
		if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.version())) {
			throw DomainException.versionMismatch("user");
		}
		ObjectNode patched = ScimPatch.apply(ScimUserJson.toNode(current, location(request, current.user().id())),
				read(body));
		ProvisionedUser user = users.replace(ScimAuthentication.current(), current.user().id(),
				ScimUserJson.fromNode(patched), current.version());
		return single(200, user, ScimProjection.ALL, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ProvisionedUser current = existing(id);
		if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.version())) {
			throw DomainException.versionMismatch("user");
		}
		users.delete(ScimAuthentication.current(), current.user().id());
		return ResponseEntity.noContent().build();
	}

	/** An id that is no UUID is as unknown as a UUID no user has: the same 404. */
	private ProvisionedUser existing(String id) {
		Optional<UUID> uuid = ScimPages.uuid(id);
		return uuid.flatMap(found -> users.get(ScimAuthentication.current(), found))
			.orElseThrow(() -> DomainException.notFound("user-not-found", "No user has the id " + id + "."));
	}

	private ResponseEntity<String> single(int status, ProvisionedUser user, ScimProjection projection,
			HttpServletRequest request) {
		String location = location(request, user.user().id());
		ObjectNode node = projection.apply(ScimUserJson.toNode(user, location));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_TYPE, ScimErrors.MEDIA_TYPE)
			.eTag(user.version());
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

	private static String location(HttpServletRequest request, UUID id) {
		return ScimPages.base(request) + "/Users/" + id;
	}
}
