/**
 * The audit log: every admin and security event, written in the transaction of the change it records, each read
 * into the log through one table ({@code AuditEntries}).
 */
package io.gatehouse.audit;
