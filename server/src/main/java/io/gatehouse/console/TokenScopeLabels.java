package io.gatehouse.console;

import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.tokens.PersonalAccessToken;
import org.springframework.stereotype.Component;

/**
 * What a token is limited to, as the token lists show it: its permissions and the resource it is confined to, that
 * resource by name when the viewer may read it (the same rule as everywhere: not confirming what they may not see).
 */
@Component("tokenScopeLabels")
public class TokenScopeLabels {

	private final ResourceManagement resources;

	TokenScopeLabels(ResourceManagement resources) {
		this.resources = resources;
	}

	public String label(PersonalAccessToken token, Actor viewer) {
		if (!token.scoped()) {
			return "All permissions";
		}
		String permissions = token.permissions().isEmpty() ? "All permissions"
				: String.join(", ", token.permissions());
		if (token.resource() == null) {
			return permissions;
		}
		return permissions + " in " + resourceName(token, viewer);
	}

	private String resourceName(PersonalAccessToken token, Actor viewer) {
		try {
			return "“" + resources.get(viewer, token.resource()).name() + "”";
		}
		catch (DomainException ex) {
			return "one resource (deleted or not visible to you)";
		}
	}
}
