package io.gatehouse.console.links;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.FormErrors;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/** What the link pages share: the token kept out of caches, and a refusal split into the link's and the fields'. */
final class LinkPages {

	private LinkPages() {
	}

	/** The page's address holds a single-use secret: no cache, proxy or back button keeps it. */
	static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

	/** A link that was used, replaced, never existed or expired: the form is no use, the page says what to do. */
	static boolean isLinkRefusal(DomainException ex) {
		return ex.violations().stream().anyMatch(violation -> "token".equals(violation.field()));
	}

	/**
	 * The form's errors, and each broken rule of the password on a line of its own ("errors per rule"), named
	 * "Password must ...".
	 */
	static void errors(Model model, FormErrors errors, DomainException ex, String field) {
		model.addAttribute("errors", errors);
		model.addAttribute("rules", ex == null ? List.of() : ex.violations().stream()
			.filter(violation -> field.equals(violation.field()))
			.map(LinkPages::sentence)
			.toList());
	}

	private static String sentence(FieldViolation violation) {
		String message = violation.message() == null ? "" : violation.message();
		return "The password " + message + (message.endsWith(".") ? "" : ".");
	}
}
