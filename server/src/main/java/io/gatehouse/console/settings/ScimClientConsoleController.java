package io.gatehouse.console.settings;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.provisioning.RegisteredScimClient;
import io.gatehouse.provisioning.ScimClientManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings → SCIM clients: the identity providers that provision users and groups, registered (the token shown once),
 * listed with their last use, revoked. {@link ScimClientManagement} decides who may: whoever may register one.
 */
@Controller
class ScimClientConsoleController {

	private static final String PAGE = "/console/settings/scim-clients";

	private final ScimClientManagement clients;

	ScimClientConsoleController(ScimClientManagement clients) {
		this.clients = clients;
	}

	@GetMapping(PAGE)
	String list(ConsoleUser me, Model model) {
		return page(me, FormErrors.NONE, model);
	}

	/** The token is in this one response only: never stored in clear, never cached. */
	@PostMapping(PAGE)
	String register(ConsoleUser me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String expiresOn, HttpServletResponse response, Model model) {
		return FormFlow.submit(() -> clients.register(me.actor(), name, me.expiryAtEndOf(expiresOn), false))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				model.addAttribute("clientName", name);
				model.addAttribute("expiresOn", expiresOn);
				return page(me, errors, model);
			})
			.done(registered -> shown(me, registered, response, model));
	}

	@PostMapping(PAGE + "/{id}/revoke")
	String revoke(ConsoleUser me, @PathVariable UUID id) {
		clients.revoke(me.actor(), id);
		return ConsoleRedirects.withNotice(PAGE, "scim-client-revoked");
	}

	private String shown(ConsoleUser me, RegisteredScimClient registered, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("registered", registered);
		return page(me, FormErrors.NONE, model);
	}

	private String page(ConsoleUser me, FormErrors errors, Model model) {
		model.addAttribute("clients", clients.list(me.actor()));
		model.addAttribute("errors", errors);
		model.addAttribute("scimBase", ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString());
		model.addAttribute("mayManageScimClients", true);
		return "console/settings/scim-clients";
	}
}
