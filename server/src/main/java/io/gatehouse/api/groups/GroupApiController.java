package io.gatehouse.api.groups;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.gatehouse.api.ETags;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GroupApiController {

	private final GroupManagement groups;

	GroupApiController(GroupManagement groups) {
		this.groups = groups;
	}

	@GetMapping("/api/v1/groups")
	List<GroupJson> list(Actor actor) {
		return groups.list(actor).stream().map(GroupJson::of).toList();
	}

	@PostMapping("/api/v1/groups")
	ResponseEntity<GroupJson> create(Actor actor, @RequestBody GroupJson.GroupRequest body) {
		return created(groups.create(actor, body.name(), body.description(),
				body.profile() == null ? null : body.profile().profile()));
	}

	/** "Create Default Reseller": a group from the reseller template, editable afterwards. */
	@PostMapping("/api/v1/groups/default-reseller")
	ResponseEntity<GroupJson> defaultReseller(Actor actor, @RequestBody(required = false) GroupJson.ResellerRequest body) {
		return created(groups.createDefaultReseller(actor, body == null ? null : body.name()));
	}

	@GetMapping("/api/v1/groups/{id}")
	ResponseEntity<GroupJson> get(Actor actor, @PathVariable UUID id) {
		Group group = groups.get(actor, id);
		return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupJson.of(group));
	}

	/** Replaces the group's name, description and profile (a missing profile removes it). */
	@PutMapping("/api/v1/groups/{id}")
	ResponseEntity<GroupJson> update(Actor actor, @PathVariable UUID id, @RequestBody GroupJson.GroupRequest body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Group group = groups.update(actor, id, body.name(), body.description(),
				body.profile() == null ? null : body.profile().profile(), ETags.expectedVersion(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupJson.of(group));
	}

	@DeleteMapping("/api/v1/groups/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor actor, @PathVariable UUID id) {
		groups.delete(actor, id);
	}

	@GetMapping("/api/v1/groups/{id}/members")
	List<UUID> members(Actor actor, @PathVariable UUID id) {
		return groups.members(actor, id);
	}

	@PostMapping("/api/v1/groups/{id}/members")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addMember(Actor actor, @PathVariable UUID id, @RequestBody GroupJson.MemberRequest body) {
		groups.addMember(actor, id, body.userId());
	}

	@DeleteMapping("/api/v1/groups/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMember(Actor actor, @PathVariable UUID id, @PathVariable UUID userId) {
		groups.removeMember(actor, id, userId);
	}

	@GetMapping("/api/v1/users/{userId}/groups")
	List<UUID> groupsOf(Actor actor, @PathVariable UUID userId) {
		return groups.groupsOf(actor, userId);
	}

	private static ResponseEntity<GroupJson> created(Group group) {
		return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id()))
			.eTag(ETags.of(group.version()))
			.body(GroupJson.of(group));
	}
}
