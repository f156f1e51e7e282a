package io.gatehouse.access;

/** Who a binding is for. */
public enum PrincipalType {

	USER, GROUP
}
