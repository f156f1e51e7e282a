/**
 * The user directory: accounts, their identity fields and lifecycle, their password credential and sign-in activity.
 */
package io.gatehouse.users;
