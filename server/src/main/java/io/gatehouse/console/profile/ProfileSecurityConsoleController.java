package io.gatehouse.console.profile;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.auth.Sessions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.mfa.MfaManagement;
import io.gatehouse.mfa.TotpEnrolment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's own sign-in security: their second factor (enrol an authenticator app, recovery codes shown
 * once, remove it), where they are signed in (end one or all others), and their IP allowlist (to read). The same
 * services as {@code /api/v1/me/mfa}, {@code /api/v1/me/sessions} and {@code /api/v1/me/ip-allowlist}.
 */
@Controller
class ProfileSecurityConsoleController {

	static final String PAGE = "/console/profile/security";

	private final MfaManagement mfa;

	private final Sessions sessions;

	private final IpAllowlists allowlists;

	ProfileSecurityConsoleController(MfaManagement mfa, Sessions sessions, IpAllowlists allowlists) {
		this.mfa = mfa;
		this.sessions = sessions;
		this.allowlists = allowlists;
	}

	@GetMapping(PAGE)
	String page(ConsoleUser me, Model model) {
		return page(me, FormErrors.NONE, model);
	}

	/** A new secret, shown with its QR code in this response only. */
	@PostMapping("/console/profile/mfa/totp")
	String startTotp(ConsoleUser me, HttpServletResponse response, Model model) {
		noStore(response);
		model.addAttribute("enrolment", mfa.startTotp(me.actor()));
		return page(me, FormErrors.NONE, model);
	}

	/**
	 * The code from the app confirms the enrolment. A wrong code shows the same secret again (sent back by the form):
	 * the app already holds it, and a new one would make the user scan again.
	 */
	@PostMapping("/console/profile/mfa/totp/confirm")
	String confirmTotp(ConsoleUser me, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "") String otpauthUri,
			@RequestParam(defaultValue = "") String qrCode, HttpServletResponse response, Model model) {
		noStore(response);
		return FormFlow.submit(() -> mfa.confirmTotp(me.actor(), code.strip()))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				// only a data: image goes back into the page, whatever the form sent
				model.addAttribute("enrolment",
						new TotpEnrolment(secret, otpauthUri, qrCode.startsWith("data:image/png;base64,") ? qrCode : ""));
				return page(me, errors, model);
			})
			.done(codes -> recoveryCodes(me, codes, "enrolled", model));
	}

	@PostMapping("/console/profile/mfa/recovery-codes")
	String regenerate(ConsoleUser me, @RequestParam(defaultValue = "") String code, HttpServletResponse response,
			Model model) {
		noStore(response);
		return FormFlow.submit(() -> mfa.regenerateRecoveryCodes(me.actor(), code.strip(), null))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> failed("regenerate", me, errors, model))
			.done(codes -> recoveryCodes(me, codes, "regenerated", model));
	}

	@PostMapping("/console/profile/mfa/remove")
	String remove(ConsoleUser me, @RequestParam(defaultValue = "") String code, Model model) {
		return FormFlow.submit(() -> mfa.removeOwn(me.actor(), code.strip(), null))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> failed("remove", me, errors, model))
			.redirect(PAGE, "mfa-removed");
	}

	@PostMapping("/console/profile/sessions/{id}/end")
	String endSession(ConsoleUser me, @PathVariable UUID id) {
		sessions.revokeOwn(me.actor(), id);
		return ConsoleRedirects.withNotice(PAGE, "session-ended");
	}

	@PostMapping("/console/profile/sessions/end-others")
	String endOthers(ConsoleUser me) {
		sessions.revokeOthers(me.actor());
		return ConsoleRedirects.withNotice(PAGE, "other-sessions-ended");
	}

	/** The codes are shown once, here: they are not stored in clear. */
	private String recoveryCodes(ConsoleUser me, List<String> codes, String reason, Model model) {
		model.addAttribute("recoveryCodes", String.join("\n", codes));
		model.addAttribute("codesReason", reason);
		return page(me, FormErrors.NONE, model);
	}

	/** Which of the page's code forms was refused, so that its errors show there and not in the other. */
	private String failed(String form, ConsoleUser me, FormErrors errors, Model model) {
		model.addAttribute("failedForm", form);
		return page(me, errors, model);
	}

	private String page(ConsoleUser me, FormErrors errors, Model model) {
		model.addAttribute("mfa", mfa.status(me.actor()));
		model.addAttribute("sessions", sessions.listOwn(me.actor()));
		List<String> rules = allowlists.get(me.actor(), me.actor().userId());
		model.addAttribute("allowlist", rules);
		model.addAttribute("errors", errors);
		return "console/profile/security";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}
}
