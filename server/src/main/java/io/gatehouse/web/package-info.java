/**
 * What every door shares at the edge of the server, before any door's own chain: the client address, the security
 * headers and problem details of answers no door wrote (the container's and the firewall's refusals), the limits on
 * what a request may carry, and the HTTP status of each kind of domain refusal. No business rules.
 */
package io.gatehouse.web;
