/**
 * Mail: messages rendered from templates, written to a transactional outbox with the change that causes them, and
 * delivered after commit over SMTP (or printed to the log when no SMTP server is configured).
 */
package io.gatehouse.mail;
