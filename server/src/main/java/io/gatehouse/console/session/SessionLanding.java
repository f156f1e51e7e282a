package io.gatehouse.console.session;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SessionRestriction;
import io.gatehouse.auth.StartedSession;
import io.gatehouse.console.ConsoleCsrf;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleRestrictions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Where every way of signing in ends: the second-factor page, or the session's cookies and the page to land on. */
@Component
class SessionLanding {

	private final SessionCookies cookies;

	private final ConsoleCsrf csrf;

	SessionLanding(SessionCookies cookies, ConsoleCsrf csrf) {
		this.cookies = cookies;
		this.csrf = csrf;
	}

	String secondFactorPage(String challenge, String next, String error, HttpServletResponse response, Model model) {
		// the challenge is a one-time secret of this sign-in: the page holding it must not be kept anywhere
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		ConsoleRedirects.allowContinuingTo(next, response);
		model.addAttribute("challenge", challenge);
		model.addAttribute("next", ConsoleRedirects.isSafeReturn(next) ? next : null);
		model.addAttribute("error", error);
		return "console/session/second-factor";
	}

	String started(StartedSession session, String next, HttpServletRequest request, HttpServletResponse response) {
		csrf.renew(request, response);
		response.addHeader(HttpHeaders.SET_COOKIE, cookies.issue(request, session).toString());
		Optional<SessionRestriction> restriction = session.restriction();
		if (restriction.isPresent()) {
			return "redirect:" + ConsoleRestrictions.landing(restriction.get());
		}
		return "redirect:" + (ConsoleRedirects.isSafeReturn(next) ? next : "/console");
	}
}
