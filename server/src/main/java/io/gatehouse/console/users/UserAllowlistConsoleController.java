package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.allowlist.IpAllowlists;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's IP allowlist tab: the rules as text, one a line. A refused list names each
 * invalid rule by its line, and the editor's own address is shown, since a list that leaves it out would lock them
 * out of their own account.
 */
@Controller
class UserAllowlistConsoleController {

	/** An invalid rule, by its line in the text box. */
	record RuleError(int line, String message) {
	}

	private final UserDirectory directory;

	private final IpAllowlists allowlists;

	private final UserPages pages;

	UserAllowlistConsoleController(UserDirectory directory, IpAllowlists allowlists,
			UserPages pages) {
		this.directory = directory;
		this.allowlists = allowlists;
		this.pages = pages;
	}

	@GetMapping("/console/users/{id}/ip-allowlist")
	String show(ConsoleUser me, @PathVariable UUID id, Model model) {
		List<String> rules = allowlists.get(me.actor(), id);
		return page(me, id, String.join("\n", rules), rules.isEmpty(), FormErrors.NONE, List.of(), model);
	}

	@PostMapping("/console/users/{id}/ip-allowlist")
	String save(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String rules, Model model) {
		String[] all = rules.split("\\R");
		List<String> lines = new ArrayList<>();
		List<Integer> lineNumbers = new ArrayList<>();
		for (int i = 0; i < all.length; i++) {
			if (!all[i].isBlank()) {
				lines.add(all[i].strip());
				lineNumbers.add(i + 1);
			}
		}
		return FormFlow.submit(() -> allowlists.set(me.actor(), id, lines))
			.refused((errors, ex) -> page(me, id, rules, lines.isEmpty(), errors, ruleErrors(ex, lineNumbers), model))
			.redirect("/console/users/" + id + "/ip-allowlist", "allowlist-saved");
	}

	private String page(ConsoleUser me, UUID id, String text, boolean empty, FormErrors errors,
			List<RuleError> ruleErrors, Model model) {
		pages.frame(me, directory.get(me.actor(), id), "allowlist", model);
		model.addAttribute("rulesText", text);
		model.addAttribute("rulesEmpty", empty);
		model.addAttribute("errors", errors);
		model.addAttribute("ruleErrors", ruleErrors);
		model.addAttribute("myAddress", me.actor().clientIp());
		return "console/users/allowlist";
	}

	/** The domain names each rule it refused ({@code rules[2]}): here by its line in the box, blank lines counted. */
	private static List<RuleError> ruleErrors(DomainException ex, List<Integer> lineNumbers) {
		List<RuleError> errors = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			String field = violation.field();
			if (field != null && field.startsWith("rules[") && field.endsWith("]")) {
				int index = Integer.parseInt(field.substring(6, field.length() - 1));
				errors.add(new RuleError(lineNumbers.get(index), violation.message()));
			}
		}
		return errors;
	}
}
