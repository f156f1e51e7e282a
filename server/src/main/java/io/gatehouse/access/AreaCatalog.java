package io.gatehouse.access;

import java.util.HashSet;
import java.util.Set;

/**
 * What the engine needs to know about areas: which are administrative, because Editor and Viewer stop at them.
 * Whether an area exists at all is checked where permissions are written, not here, so that an unknown area is
 * simply something nobody but a System Administrator or an Admin holds.
 */
public interface AreaCatalog {

	/** The administrative areas every instance has. */
	Set<String> BUILT_IN_ADMINISTRATIVE = Set.of("users", "groups", "roles", "settings", "audit", "tokens");

	boolean isAdministrative(String area);

	/** A catalog whose administrative areas are the built-in ones. */
	static AreaCatalog builtIn() {
		return BUILT_IN_ADMINISTRATIVE::contains;
	}

	/** A catalog whose administrative areas are the built-in ones plus {@code more}. */
	static AreaCatalog withAdministrative(Set<String> more) {
		Set<String> administrative = new HashSet<>(BUILT_IN_ADMINISTRATIVE);
		administrative.addAll(more);
		return Set.copyOf(administrative)::contains;
	}
}
