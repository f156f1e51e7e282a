/**
 * Provisioning by SCIM clients: the registered clients (each a scoped token of the administrator who registered it),
 * what a client says of a user beyond the directory's fields, and the translation of SCIM filters into SQL.
 */
package io.gatehouse.provisioning;
