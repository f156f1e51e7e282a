/**
 * The REST API door under {@code /api/v1}: its security filter chain, its JSON shapes and its RFC 9457 errors.
 * No business rules live here.
 */
package io.gatehouse.api;
