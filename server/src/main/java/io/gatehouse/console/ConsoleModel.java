package io.gatehouse.console;

import io.gatehouse.access.AccessControl;
import io.gatehouse.mail.MailServer;
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

	private final MailServer mail;

	ConsoleModel(AccessControl access, MailServer mail) {
		this.access = access;
		this.mail = mail;
	}

	@ModelAttribute("me")
	ConsoleUser me() {
		return current();
	}

	@ModelAttribute("nav")
	ConsoleNavigation nav() {
		ConsoleUser me = current();
		return me == null ? new ConsoleNavigation(false, false, false, false, false, false, false) : ConsoleNavigation.of(access, me.actor());
	}

	/** False when no SMTP server is configured: pages that would mail a link say so and offer to copy it. */
	@ModelAttribute("mailSends")
	boolean mailSends() {
		return mail.sends();
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
