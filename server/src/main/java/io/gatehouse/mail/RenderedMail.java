package io.gatehouse.mail;

/** A mail ready to go: what the outbox stores until it is delivered. */
record RenderedMail(String to, String template, String subject, String text, String html) {
}
