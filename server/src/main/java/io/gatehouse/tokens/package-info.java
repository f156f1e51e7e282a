/**
 * Personal access tokens: issued once, stored only as a hash, checked on every API request that carries one.
 */
package io.gatehouse.tokens;
