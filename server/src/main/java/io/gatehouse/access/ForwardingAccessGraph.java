package io.gatehouse.access;

import java.util.List;
import java.util.UUID;

/** An access graph that answers as another does, but for what a subclass changes: a what-if view of a graph. */
abstract class ForwardingAccessGraph implements AccessGraph {

	private final AccessGraph graph;

	ForwardingAccessGraph(AccessGraph graph) {
		this.graph = graph;
	}

	@Override
	public UUID root() {
		return graph.root();
	}

	@Override
	public List<UUID> pathToRoot(UUID resourceId) {
		return graph.pathToRoot(resourceId);
	}

	@Override
	public UserAccess user(UUID userId) {
		return graph.user(userId);
	}

	@Override
	public RoleDefinition role(UUID roleId) {
		return graph.role(roleId);
	}

	@Override
	public UUID owner(UUID resourceId) {
		return graph.owner(resourceId);
	}

	@Override
	public AreaCatalog areas() {
		return graph.areas();
	}
}
