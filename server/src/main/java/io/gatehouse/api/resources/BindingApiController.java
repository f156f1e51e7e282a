package io.gatehouse.api.resources;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.gatehouse.access.Binding;
import io.gatehouse.access.ObjectPolicy;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.BindingView;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Role bindings per resource, per user, and one by one. */
@RestController
class BindingApiController {

	private final BindingManagement bindings;

	BindingApiController(BindingManagement bindings) {
		this.bindings = bindings;
	}

	@GetMapping("/api/v1/resources/{id}/bindings")
	List<BindingView> at(Actor actor, @PathVariable UUID id) {
		return bindings.at(actor, id);
	}

	@PostMapping("/api/v1/resources/{id}/bindings")
	@ResponseStatus(HttpStatus.CREATED)
	Binding bind(Actor actor, @PathVariable UUID id, @RequestBody ResourceRequests.Bind body) {
		return bindings.bind(actor, principalType(body.principalType()), body.principalId(),
				roleOf(body.roleId(), body.policy()), id);
	}

	record BatchItem(String principalType, UUID principalId, UUID roleId, UUID resourceId) {
	}

	record Batch(List<BatchItem> bindings) {
	}

	/** Several bindings, on any resources, applied all or none. */
	@PostMapping("/api/v1/bindings/batch")
	@ResponseStatus(HttpStatus.CREATED)
	List<Binding> bindAll(Actor actor, @RequestBody Batch body) {
		List<BindingManagement.BindRequest> requests = body.bindings() == null ? null : body.bindings()
			.stream()
			.map(item -> item == null ? null : new BindingManagement.BindRequest(lenientType(item.principalType()),
					item.principalId(), item.roleId(), item.resourceId()))
			.toList();
		return bindings.bindAll(actor, requests);
	}

	@DeleteMapping("/api/v1/bindings/{bindingId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unbind(Actor actor, @PathVariable UUID bindingId) {
		bindings.unbind(actor, bindingId);
	}

	/** A user's roles as the users list shows them: {@code Workspace: Role}. */
	@GetMapping("/api/v1/users/{userId}/roles")
	List<BindingView> ofUser(Actor actor, @PathVariable UUID userId) {
		return bindings.ofUser(actor, userId);
	}

	private static UUID roleOf(UUID roleId, String policy) {
		if (policy == null) {
			return roleId;
		}
		if (roleId != null) {
			throw DomainException.invalidField("policy", "exclusive", "cannot be given together with roleId");
		}
		return ObjectPolicy.parse(policy).roleId();
	}

	/** Unknown types become null, which the batch then reports at the item's place. */
	private static PrincipalType lenientType(String value) {
		try {
			return value == null ? null : PrincipalType.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static PrincipalType principalType(String value) {
		try {
			return value == null ? null : PrincipalType.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalidField("principalType", "one-of", "must be user or group");
		}
	}
}
