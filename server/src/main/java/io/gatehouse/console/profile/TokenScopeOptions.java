package io.gatehouse.console.profile;

import java.util.List;

import io.gatehouse.access.Resources;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.roles.Area;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * What a new token can be limited to, as the profile's token form lists it: the catalog's permissions, area by area,
 * and the workspaces (top-level resources) the user can see. A scope only narrows: the token still does nothing its
 * owner may not do, whatever is chosen here.
 */
@Component
class TokenScopeOptions {

	private final PermissionCatalog catalog;

	private final ResourceManagement resources;

	TokenScopeOptions(PermissionCatalog catalog, ResourceManagement resources) {
		this.catalog = catalog;
		this.resources = resources;
	}

	List<Area> areas() {
		return catalog.areas();
	}

	/** The top-level resources the user may read; none when they may not read the instance's children. */
	List<Resource> resources(ConsoleUser me) {
		try {
			return resources.children(me.actor(), Resources.INSTANCE);
		}
		catch (DomainException ex) {
			return List.of();
		}
	}
}
