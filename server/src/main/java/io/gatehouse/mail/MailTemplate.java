package io.gatehouse.mail;

/**
 * The messages Gatehouse sends. Each has an HTML and a plain-text template in {@code resources/mail/} and a subject
 * in {@code mail/subjects.properties}.
 */
public enum MailTemplate {

	INVITATION("invitation"),
	EMAIL_VERIFICATION("email-verification"),
	EMAIL_CHANGE_CONFIRMATION("email-change-confirmation"),
	EMAIL_CHANGE_REQUESTED("email-change-requested"),
	EMAIL_CHANGED("email-changed"),
	PASSWORD_RESET("password-reset"),
	PASSWORD_CHANGED("password-changed"),
	TOKEN_CREATED("token-created"),
	TEST("test-mail");

	final String file;

	MailTemplate(String file) {
		this.file = file;
	}
}
