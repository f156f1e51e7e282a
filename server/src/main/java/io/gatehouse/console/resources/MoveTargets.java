package io.gatehouse.console.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Where a resource can be moved on its page: the instance and the two levels below it (workspaces and what they hold)
 * under which the viewer may create, without the resource itself, its subtree and its current parent. The move itself
 * is held to {@link ResourceManagement#update}'s rules (the right on both sides); this list only spares choices that
 * would be refused.
 */
@Component
class MoveTargets {

	/** At most this many choices: a deeper or wider tree is moved through the API. */
	static final int MAX = 200;

	/** A choice: the resource's id and its path, e.g. {@code Instance › Acme}. */
	record Target(UUID id, String label) {
	}

	private final ResourceManagement resources;

	private final AccessControl access;

	MoveTargets(ResourceManagement resources, AccessControl access) {
		this.resources = resources;
		this.access = access;
	}

	List<Target> of(ConsoleUser me, Resource moved) {
		List<Target> targets = new ArrayList<>();
		Resource instance = resources.get(me.actor(), Resources.INSTANCE);
		add(me, moved, instance, instance.name(), targets);
		for (Resource top : children(me, Resources.INSTANCE)) {
			if (top.id().equals(moved.id())) {
				continue;
			}
			String topLabel = instance.name() + " › " + top.name();
			add(me, moved, top, topLabel, targets);
			for (Resource second : children(me, top.id())) {
				if (targets.size() >= MAX) {
					return targets;
				}
				if (!second.id().equals(moved.id())) {
					add(me, moved, second, topLabel + " › " + second.name(), targets);
				}
			}
		}
		return targets;
	}

	private void add(ConsoleUser me, Resource moved, Resource candidate, String label, List<Target> targets) {
		if (targets.size() < MAX && !candidate.id().equals(moved.parentId())
				&& access.allows(me.actor(), Permissions.RESOURCES_CREATE, candidate.id())) {
			targets.add(new Target(candidate.id(), label + " (" + candidate.type() + ")"));
		}
	}

	private List<Resource> children(ConsoleUser me, UUID id) {
		try {
			return resources.children(me.actor(), id);
		}
		catch (DomainException ex) {
			return List.of();
		}
	}
}
