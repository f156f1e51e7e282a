package io.gatehouse.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The access graph as it would be if one resource (and so its subtree) stood under another parent: what a move
 * would grant is checked on it before the move is written.
 */
final class MovedGraph extends ForwardingAccessGraph {

	private final UUID moved;

	private final UUID newParent;

	MovedGraph(AccessGraph graph, UUID moved, UUID newParent) {
		super(graph);
		this.moved = moved;
		this.newParent = newParent;
	}

	@Override
	public List<UUID> pathToRoot(UUID resourceId) {
		List<UUID> path = super.pathToRoot(resourceId);
		int at = path.indexOf(moved);
		if (at < 0) {
			return path;
		}
		List<UUID> elsewhere = new ArrayList<>(path.subList(0, at + 1));
		elsewhere.addAll(super.pathToRoot(newParent));
		return elsewhere;
	}
}
