package io.gatehouse.access;

import java.util.List;
import java.util.UUID;

/**
 * Everything {@link PolicyEvaluator} reads. An interface so that the engine can be tested against a map and run
 * against a cached view of the database; implementations must be safe to read from many threads, and should
 * answer from memory: the evaluator calls them on every check, sometimes more than once with the same question. A
 * cache that changes should therefore hand out a new graph rather than change under a check in progress.
 */
public interface AccessGraph {

	/** The instance: the resource every other resource is under. */
	UUID root();

	/** The resource first, then each parent, ending at {@link #root()}; empty if the resource is unknown. */
	List<UUID> pathToRoot(UUID resourceId);

	/** Null if the user is unknown. */
	UserAccess user(UUID userId);

	/** A custom or built-in role; null if unknown. */
	RoleDefinition role(UUID roleId);

	/** The user who owns the resource; null if none. */
	UUID owner(UUID resourceId);

	AreaCatalog areas();
}
