package io.gatehouse.console.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessChecks;
import io.gatehouse.access.AccessDecision;
import io.gatehouse.access.Binding;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormFlow;
import io.gatehouse.resources.Resource;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "May this user do this here, and why?": the permission-check API's explained decision ({@link AccessChecks}) for
 * one user at the open resource, with the engine's ids replaced by the names people know.
 */
@Controller
class ResourceCheckConsoleController {

	private static final String CHECK_RESULT = "console/resources/show :: check-result";

	private final AccessChecks checks;

	private final ResourceManagement resources;

	private final ResourcePages pages;

	ResourceCheckConsoleController(AccessChecks checks, ResourceManagement resources, ResourcePages pages) {
		this.checks = checks;
		this.resources = resources;
		this.pages = pages;
	}

	@PostMapping("/console/resources/{id}/check")
	String check(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String login,
			@RequestParam(defaultValue = "") String permission, Model model) {
		return FormFlow.submit(() -> {
			User user = pages.userByLogin(me, "login", login);
			AccessDecision decision = checks.check(me.actor(), user.id(), permission, id);
			model.addAttribute("checkAllowed", decision.allowed());
			model.addAttribute("checkText", named(decision.explanation(), names(me, id, user, decision)));
		})
			.showing(FormFlow.INVALID_INPUT)
			.refused((errors, ex) -> {
				model.addAttribute("checkError", ex.violations().isEmpty() ? ex.getMessage()
						: ex.violations().get(0).field() + " " + ex.violations().get(0).message());
				return CHECK_RESULT;
			})
			.done(() -> CHECK_RESULT);
	}

	/** The names of what an explanation may mention: the resources walked, the user, the groups that counted. */
	private Map<UUID, String> names(ConsoleUser me, UUID id, User user, AccessDecision decision) {
		Map<UUID, String> names = new LinkedHashMap<>();
		List<UUID> resourceIds = new ArrayList<>(decision.path());
		resourceIds.add(id);
		if (decision.decidedAt() != null) {
			resourceIds.add(decision.decidedAt());
		}
		for (UUID resourceId : resourceIds) {
			if (!names.containsKey(resourceId)) {
				try {
					Resource resource = resources.get(me.actor(), resourceId);
					names.put(resourceId, "“" + resource.name() + "”");
				}
				catch (DomainException ex) {
					// a resource the viewer may not read stays an id
				}
			}
		}
		names.put(user.id(), user.username());
		PrincipalNames principals = pages.names(me);
		for (Binding binding : decision.bindings()) {
			names.putIfAbsent(binding.principalId(), binding.principalType() == PrincipalType.USER
					? principals.user(binding.principalId()) : principals.group(binding.principalId()));
		}
		return names;
	}

	static String named(String explanation, Map<UUID, String> names) {
		String text = explanation;
		for (Map.Entry<UUID, String> entry : names.entrySet()) {
			text = text.replace(entry.getKey().toString(), entry.getValue());
		}
		return text;
	}
}
