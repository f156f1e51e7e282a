package io.gatehouse.scim;

import jakarta.servlet.http.HttpServletRequest;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.gatehouse.provisioning.ProvisionedGroup;
import io.gatehouse.provisioning.ProvisionedGroupPage;
import io.gatehouse.provisioning.ProvisionedGroups;
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
 * {@code /scim/v2/Groups}, also as {@code /groups} (Microsoft's SCIM Postman collection for Entra ID writes it so):
 * one call of {@link ProvisionedGroups} per request.
 */
@RestController
@RequestMapping({ "/scim/v2/Groups", "/scim/v2/groups" })
class ScimGroupController {

	private final ProvisionedGroups groups;

	private final ScimPages pages;

	ScimGroupController(ProvisionedGroups groups, ScimPages pages) {
		this.groups = groups;
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
		ProvisionedGroupPage page = groups.search(ScimAuthentication.current(), query.filter(), query.sortBy(),
				query.descending(), query.start(), query.count());
		String base = ScimPages.base(request);
		return pages.list(page.total(), query.start(), page.groups()
			.stream()
			.map(group -> query.projection().apply(ScimGroupJson.toNode(group, base)))
			.toList());
	}

	@GetMapping("/{id}")
	ResponseEntity<String> get(@PathVariable String id, @RequestParam(required = false) String attributes,
			@RequestParam(required = false) String excludedAttributes, HttpServletRequest request) throws ScimException {
		ScimProjection projection = ScimProjection.of(attributes, excludedAttributes);
		return single(200, existing(id), projection, request);
	}

	@PostMapping
	ResponseEntity<String> create(@RequestBody String body, HttpServletRequest request) throws ScimException {
		ScimGroupJson.State state = ScimGroupJson.fromNode(ScimPages.read(body));
		return single(201,
				groups.create(ScimAuthentication.current(), state.displayName(), state.externalId(), state.members()),
				ScimProjection.ALL, request);
	}

	@PutMapping("/{id}")
	ResponseEntity<String> replace(@PathVariable String id, @RequestBody String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws ScimException {
		ProvisionedGroup current = existing(id);
		ScimGroupJson.State state = ScimGroupJson.fromNode(ScimPages.read(body));
		return single(200, groups.replace(ScimAuthentication.current(), current, state.displayName(),
				state.externalId(), state.members(), ifMatch), ScimProjection.ALL, request);
	}

	@PatchMapping("/{id}")
	ResponseEntity<String> patch(@PathVariable String id, @RequestBody String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws ScimException {
		ProvisionedGroup current = existing(id);
		ObjectNode patched = ScimPatch.apply(ScimGroupJson.toNode(current, ScimPages.base(request)),
				ScimPages.read(body));
		ScimGroupJson.State state = ScimGroupJson.fromNode(patched);
		return single(200, groups.replace(ScimAuthentication.current(), current, state.displayName(),
				state.externalId(), state.members(), ifMatch), ScimProjection.ALL, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		groups.delete(ScimAuthentication.current(), existing(id), ifMatch);
		return ResponseEntity.noContent().build();
	}

	private ProvisionedGroup existing(String id) {
		return ScimPages.uuid(id)
			.flatMap(found -> groups.get(ScimAuthentication.current(), found))
			.orElseThrow(() -> DomainException.notFound("group-not-found", "No group has the id " + id + "."));
	}

	private ResponseEntity<String> single(int status, ProvisionedGroup group, ScimProjection projection,
			HttpServletRequest request) {
		String base = ScimPages.base(request);
		return ScimPages.single(status, group.version(), base + "/Groups/" + group.group().id(),
				projection.apply(ScimGroupJson.toNode(group, base)));
	}
}
