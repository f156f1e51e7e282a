/**
 * The console pages a mailed link opens (accept an invitation, choose a new password, confirm an email address) and
 * the forgotten-password form: for people who are not signed in, the link's single-use token being the proof.
 */
package io.gatehouse.console.links;
