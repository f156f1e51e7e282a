/**
 * Signing in and staying signed in: password sign-in, sessions, and turning a session or token into an actor.
 */
package io.gatehouse.auth;
