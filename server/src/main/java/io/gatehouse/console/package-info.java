/**
 * The admin console door under {@code /console}: server-rendered pages over the same domain services as the API,
 * with its own security filter chain (session cookie, CSRF for forms) and its own error pages. No business rules
 * live here.
 */
package io.gatehouse.console;
