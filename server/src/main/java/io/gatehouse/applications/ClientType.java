package io.gatehouse.applications;

/** Whether an application can keep a secret (a server) or not (a browser app, a CLI, a mobile app). */
public enum ClientType {
	CONFIDENTIAL, PUBLIC
}
