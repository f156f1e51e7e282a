/**
 * Decides who may do what: the house rule ({@link io.gatehouse.access.PolicyEvaluator}), the rule of granting
 * ({@link io.gatehouse.access.Authority}), the per-node cache of the access graph and the checks every module makes
 * first ({@link io.gatehouse.access.AccessControl}). Roles, groups and resources write the model; this module reads it.
 */
package io.gatehouse.access;
