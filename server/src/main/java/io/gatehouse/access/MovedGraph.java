package io.gatehouse.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The access graph as it would be if one resource (and so its subtree) stood under another parent: what a move
 * would grant is checked on it before the move is written.
 */
final class MovedGraph implements AccessGraph {

	private final AccessGraph graph;

	private final UUID moved;

	private final UUID newParent;

	MovedGraph(AccessGraph graph, UUID moved, UUID newParent) {
		this.graph = graph;
		this.moved = moved;
		this.newParent = newParent;
	}

	@Override
	public UUID root() {
		return graph.root();
	}

	@Override
	public List<UUID> pathToRoot(UUID resourceId) {
		List<UUID> path = graph.pathToRoot(resourceId);
		int at = path.indexOf(moved);
		if (at < 0) {
			return path;
		}
		List<UUID> elsewhere = new ArrayList<>(path.subList(0, at + 1));
		elsewhere.addAll(graph.pathToRoot(newParent));
		return elsewhere;
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
