/**
 * Keeping the data tidy: jobs that delete what is no longer needed (delivered mail, old sign-in records, expired
 * sessions, challenges, links and invitations, and audit events past a retention period when one is set), each run by
 * one node at a time through a lease in the database.
 */
package io.gatehouse.retention;
