/**
 * The few types every module speaks: who is acting, how a domain rule fails, what an audited event carries.
 */
package io.gatehouse.shared;
