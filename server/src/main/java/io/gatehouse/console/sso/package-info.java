/** Settings → Sign-in: the identity providers people sign in through, and the sign-in mode. */
package io.gatehouse.console.sso;
