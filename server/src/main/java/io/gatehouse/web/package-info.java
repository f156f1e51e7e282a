/**
 * What every door shares at the edge of the server, before any door's own chain: the security headers and problem
 * details of answers no door wrote (the container's and the firewall's refusals) and the limits on what a request
 * may carry. No business rules.
 */
package io.gatehouse.web;
