package io.gatehouse.console.session;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.SecondFactorRequired;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SignIn;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.console.ConsoleCsrf;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormFlow;
import io.gatehouse.sso.SsoSignOut;
import io.gatehouse.web.ClientAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing in to the console with a password (and a second factor when the user has one) and signing out: the same sign-in, the same database session and the
 * same cookie as {@code POST /api/v1/session}, so one sign-in serves both doors.
 */
@Controller
class SignInConsoleController {

	private final SignIn signIn;

	private final SessionCookies cookies;

	private final ConsoleCsrf csrf;

	private final SessionLanding landing;

	private final SignInOptions options;

	private final SsoSignOut ssoSignOut;

	SignInConsoleController(SignIn signIn, SessionCookies cookies, ConsoleCsrf csrf, SessionLanding landing,
			SignInOptions options, SsoSignOut ssoSignOut) {
		this.ssoSignOut = ssoSignOut;
		this.signIn = signIn;
		this.cookies = cookies;
		this.csrf = csrf;
		this.landing = landing;
		this.options = options;
	}

	@GetMapping("/console/sign-in")
	String form(@RequestParam(required = false) String next, @RequestParam(required = false) String local,
			HttpServletResponse response, Model model) {
		ConsoleRedirects.allowContinuingTo(next, response);
		model.addAttribute("next", ConsoleRedirects.isSafeReturn(next) ? next : null);
		options.addTo(model, local != null);
		return "console/session/sign-in";
	}

	@PostMapping("/console/sign-in")
	String signIn(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return FormFlow.submit(() -> signIn.withPassword(login, password, ClientAddress.of(request),
				request.getHeader(HttpHeaders.USER_AGENT)))
			// one answer for every reason (unknown login, wrong password, deactivated), or the throttle's: nothing to probe
			.showing(FormFlow.EVERY_REFUSAL)
			.refused((errors, ex) -> {
				ConsoleRedirects.allowContinuingTo(next, response);
				model.addAttribute("login", login);
				model.addAttribute("next", ConsoleRedirects.isSafeReturn(next) ? next : null);
				model.addAttribute("error", ex.getMessage());
				options.addTo(model, true);
				return "console/session/sign-in";
			})
			.done(step -> step instanceof SecondFactorRequired challenge
					? secondFactorPage(challenge.challenge(), next, null, response, model)
					: started((StartedSession) step, next, request, response));
	}

	/** The second step for a user with a second factor: a code from their app, or one of their recovery codes. */
	@PostMapping("/console/sign-in/second-factor")
	String secondFactor(@RequestParam(defaultValue = "") String challenge, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String recoveryCode, @RequestParam(required = false) String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return FormFlow.submit(() -> signIn.withSecondFactor(challenge, code, recoveryCode, ClientAddress.of(request),
				request.getHeader(HttpHeaders.USER_AGENT)))
			.showing(FormFlow.EVERY_REFUSAL)
			.refused((errors, ex) -> {
				if ("mfa-challenge-invalid".equals(ex.code())) {
					model.addAttribute("error", ex.getMessage());
					options.addTo(model, false);
					return "console/session/sign-in";
				}
				return secondFactorPage(challenge, next, ex.getMessage(), response, model);
			})
			.done(session -> started(session, next, request, response));
	}

	private String secondFactorPage(String challenge, String next, String error, HttpServletResponse response,
			Model model) {
		return landing.secondFactorPage(challenge, next, error, response, model);
	}

	private String started(StartedSession session, String next, HttpServletRequest request,
			HttpServletResponse response) {
		return landing.started(session, next, request, response);
	}

	@PostMapping("/console/sign-out")
	String signOut(ConsoleUser me, HttpServletRequest request, HttpServletResponse response, Model model) {
		// read first: the ID token a provider's logout asks for ends with the session
		Optional<URI> atProvider = ssoSignOut.atProvider(me.actor().sessionId(),
				ServletUriComponentsBuilder.fromContextPath(request).path("/console/sign-in").toUriString());
		signIn.signOut(me.actor());
		csrf.renew(request, response);
		response.addHeader(HttpHeaders.SET_COOKIE, cookies.clear(request).toString());
		if (atProvider.isPresent()) {
			// a page that moves on by itself, not a redirect: a browser checks the sign-out form's form-action
			// ('self') at every redirect after it
			model.addAttribute("providerSignOut", atProvider.get().toString());
			return "console/session/signed-out";
		}
		return ConsoleRedirects.withNotice("/console/sign-in", "signed-out");
	}
}
