/**
 * The audit log: every admin and security event, written in the transaction of the change it records.
 */
package io.gatehouse.audit;
