package io.gatehouse.scim;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.unboundid.scim2.common.exceptions.ScimException;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /scim/v2/Users}, also as {@code /users} (Microsoft's SCIM Postman collection for Entra ID writes it so): one
 * call of {@link ProvisionedUsers} per request, JSON in and out through the SDK.
 */
@RestController
@RequestMapping({ "/scim/v2/Users", "/scim/v2/users" })
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
		return search(ScimQuery.of(filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes),
				request);
	}

	@PostMapping("/.search")
	ResponseEntity<String> searchByPost(@RequestBody String body, HttpServletRequest request) throws ScimException {
		return search(ScimQuery.of(body), request);
	}

	private ResponseEntity<String> search(ScimQuery query, HttpServletRequest request) throws ScimException {
		ProvisionedUserPage page = users.search(ScimAuthentication.current(), query.filter(), query.sortBy(),
				query.descending(), query.start(), query.count());
		List<ObjectNode> resources = page.users()
			.stream()
			.map(user -> query.projection().apply(ScimUserJson.toNode(user, location(request, user.user().id()))))
			.toList();
		return pages.list(page.total(), query.start(), resources);
	}

	@GetMapping("/{id}")
	ResponseEntity<String> get(@PathVariable String id, @RequestParam(required = false) String attributes,
			@RequestParam(required = false) String excludedAttributes, HttpServletRequest request) throws ScimException {
		ScimProjection projection = ScimProjection.of(attributes, excludedAttributes);
		return single(200, existing(id), projection, request);
	}

	@PostMapping
	ResponseEntity<String> create(@RequestBody String body, HttpServletRequest request) throws ScimException {
		ProvisionedUser user = users.create(ScimAuthentication.current(), ScimUserJson.fromNode(ScimPages.read(body)));
		return single(201, user, ScimProjection.ALL, request);
	}

	@PutMapping("/{id}")
	ResponseEntity<String> replace(@PathVariable String id, @RequestBody String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws ScimException {
		ProvisionedUser user = users.replace(ScimAuthentication.current(), existing(id),
				ScimUserJson.fromNode(ScimPages.read(body)), ifMatch);
		return single(200, user, ScimProjection.ALL, request);
	}

	@PatchMapping("/{id}")
	ResponseEntity<String> patch(@PathVariable String id, @RequestBody String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws ScimException {
		ProvisionedUser current = existing(id);
		ObjectNode patched = ScimPatch.apply(ScimUserJson.toNode(current, location(request, current.user().id())),
				ScimPages.read(body));
		ProvisionedUser user = users.replace(ScimAuthentication.current(), current, ScimUserJson.fromNode(patched),
				ifMatch);
		return single(200, user, ScimProjection.ALL, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		users.delete(ScimAuthentication.current(), existing(id), ifMatch);
		return ResponseEntity.noContent().build();
	}

	/** An id that is no UUID is as unknown as a UUID no user has: the same 404. */
	private ProvisionedUser existing(String id) {
		return ScimPages.uuid(id)
			.flatMap(found -> users.get(ScimAuthentication.current(), found))
			.orElseThrow(() -> DomainException.notFound("user-not-found", "No user has the id " + id + "."));
	}

	private ResponseEntity<String> single(int status, ProvisionedUser user, ScimProjection projection,
			HttpServletRequest request) {
		String location = location(request, user.user().id());
		return ScimPages.single(status, user.version(), location,
				projection.apply(ScimUserJson.toNode(user, location)));
	}

	private static String location(HttpServletRequest request, UUID id) {
		return ScimPages.base(request) + "/Users/" + id;
	}
}
