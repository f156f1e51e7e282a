package io.gatehouse.api;

import java.util.function.Supplier;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the metrics ({@code /actuator/prometheus}): they tell how busy the instance is, how many sign-ins
 * fail, what runs inside, so only a holder of {@code settings:read} on the instance (a System Administrator, or a
 * scraper's token scoped to just that). The only decision the door makes itself: Actuator has no feature service
 * to ask.
 */
class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final AccessControl access;

	MetricsAccess(AccessControl access) {
		this.access = access;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(authentication.get() instanceof ActorAuthentication actor
				&& access.allows(actor.getPrincipal(), Permissions.SETTINGS_READ));
	}
}
