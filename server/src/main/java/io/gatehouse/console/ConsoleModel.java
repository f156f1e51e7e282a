package io.gatehouse.console;

import io.gatehouse.access.AccessControl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** What every console page's frame needs: who is signed in and which sections they may open. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	private final AccessControl access;

	ConsoleModel(AccessControl access) {
		this.access = access;
	}

	@ModelAttribute("me")
	ConsoleUser me() {
		return current();
	}

	@ModelAttribute("nav")
	ConsoleNavigation nav() {
		ConsoleUser me = current();
		return me == null ? new ConsoleNavigation(false, false, false, false, false, false) : ConsoleNavigation.of(access, me.actor());
	}

	@ModelAttribute("notice")
	String notice(@RequestParam(name = "done", required = false) String done) {
		return ConsoleNotices.message(done);
	}

	/** For pages rendered outside a controller method (error pages): the same frame. */
	void addTo(ModelAndView page) {
		page.addObject("me", me());
		page.addObject("nav", nav());
	}

	static ConsoleUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof ConsoleAuthentication console ? console.getPrincipal() : null;
	}
}
