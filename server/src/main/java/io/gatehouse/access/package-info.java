/**
 * Decides who may do what. Until resources, roles and bindings land, the only grant is System Administrator.
 */
package io.gatehouse.access;
