package io.gatehouse.mail;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates, the log delivery of an instance without SMTP, and the retry schedule; no Spring, no server. */
@ExtendWith(OutputCaptureExtension.class)
class MailRenderingTests {

	private final MailSettings settings = new MailSettings(null, null, null, null, null, null, "Acme Access",
			"https://access.acme.test/", null, null, Duration.ofSeconds(30), null);

	private final MailTemplates templates = new MailTemplates(settings);

	@Test
	void everyTemplateRendersWithTheInstanceNameAndAbsoluteLinks() {
		for (MailTemplate template : MailTemplate.values()) {
			RenderedMail mail = templates.render(new OutgoingMail("a@example.com", template,
					Map.of("username", "ada", "link", "/x?token=abc", "expiresAt", "soon", "invitedBy", "admin",
							"newEmail", "new@example.com", "how", "by you", "tokenName", "ci", "prefix", "gh_pat_ab")));
			assertThat(mail.subject()).as(template.name()).startsWith("Acme Access: ");
			assertThat(mail.text()).as(template.name()).isNotBlank().doesNotContain("${");
			assertThat(mail.html()).as(template.name()).contains("Acme Access").doesNotContain("th:");
		}
		RenderedMail reset = templates.render(new OutgoingMail("a@example.com", MailTemplate.PASSWORD_RESET,
				Map.of("username", "ada", "link", "/console/password-reset?token=abc", "expiresAt", "soon")));
		assertThat(reset.text()).contains("https://access.acme.test/console/password-reset?token=abc");
	}

	@Test
	void theHtmlBodyEscapesWhatPeopleTypedAndTheSubjectStaysOneLine() {
		RenderedMail mail = templates.render(new OutgoingMail("a@example.com", MailTemplate.TOKEN_CREATED,
				Map.of("username", "<script>alert(1)</script>", "tokenName", "x\r\nBcc: evil@example.com", "prefix", "p",
						"expiresAt", "never")));
		assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
		MailTemplates folded = new MailTemplates(new MailSettings(null, null, null, null, null, null,
				"Acme\r\nBcc: evil@example.com", null, null, null, null, null));
		assertThat(folded.render(new OutgoingMail("a@example.com", MailTemplate.PASSWORD_CHANGED,
				Map.of("username", "ada", "how", "by you"))).subject()).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void withoutSmtpTheMailIsPrintedToTheLogWithItsLink(CapturedOutput output) {
		RenderedMail mail = templates.render(new OutgoingMail("newcomer@example.com", MailTemplate.INVITATION,
				Map.of("username", "newcomer", "invitedBy", "admin", "link", "/console/invitations/accept?token=t0k3n",
						"expiresAt", "soon")));
		LogDelivery delivery = new LogDelivery();
		delivery.deliver(mail);
		assertThat(delivery.sends()).isFalse();
		assertThat(output).contains("no SMTP server configured").contains("To: newcomer@example.com")
			.contains("https://access.acme.test/console/invitations/accept?token=t0k3n");
	}

	@Test
	void retriesWaitTwiceAsLongEachTimeUpToAnHour() {
		OutboxWorker worker = new OutboxWorker(null, new LogDelivery(), settings, null, new io.gatehouse.database.DatabaseProbe(null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)),
				new io.gatehouse.shared.NodeName("rendering"));
		assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(worker.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(worker.backoff(4)).isEqualTo(Duration.ofSeconds(240));
		assertThat(worker.backoff(30)).isEqualTo(Duration.ofHours(1));
	}
}
