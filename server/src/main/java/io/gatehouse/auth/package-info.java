/**
 * Signing in and staying signed in: password and second-factor sign-in, the brute-force throttle, database sessions
 * with their cookie and what a session is restricted to, and turning a session or token into an actor.
 */
package io.gatehouse.auth;
