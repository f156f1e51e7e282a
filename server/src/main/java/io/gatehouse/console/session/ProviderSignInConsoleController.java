package io.gatehouse.console.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.SecondFactorRequired;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.sso.SsoPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The end of a sign-in through an identity provider: the relying party under {@code /sso} forwards here with the
 * outcome in request attributes, which no client can set, so a request made straight to this page only shows the
 * sign-in page.
 */
@Controller
class ProviderSignInConsoleController {

	private final SessionLanding landing;

	private final SignInOptions options;

	ProviderSignInConsoleController(SessionLanding landing, SignInOptions options) {
		this.landing = landing;
		this.options = options;
	}

	@GetMapping(SsoPages.COMPLETE)
	String complete(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object step = request.getAttribute(SsoPages.STEP);
		String next = request.getAttribute(SsoPages.RETURN_TO) instanceof String path ? path : null;
		if (step instanceof StartedSession session) {
			return landing.started(session, next, request, response);
		}
		if (step instanceof SecondFactorRequired challenge) {
			return landing.secondFactorPage(challenge.challenge(), next, null, response, model);
		}
		model.addAttribute("error", request.getAttribute(SsoPages.REFUSAL) instanceof String refusal ? refusal : null);
		options.addTo(model, false);
		return "console/session/sign-in";
	}
}
