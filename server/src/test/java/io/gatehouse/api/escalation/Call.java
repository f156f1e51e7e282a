package io.gatehouse.api.escalation;

import java.util.function.Consumer;

/**
 * One request of an escalation case: what to send, and which user it acts on, if one.
 *
 * @param target the name of the user the request acts on (its password, roles, sessions...), or null: when that user
 * holds more than the actor, the request must be refused
 * @param setup what the world needs just before this request (a deactivated target, a setting), done as the system;
 * null for nothing
 * @param cleanup what to undo after it, done as the system; null for nothing
 */
record Call(String method, String path, Object body, String target, Consumer<CaseSupport> setup,
		Consumer<CaseSupport> cleanup) {

	static Call of(String method, String path, Object body) {
		return new Call(method, path, body, null, null, null);
	}

	/** The same request, said to act on the named user. */
	Call on(String user) {
		return new Call(method, path, body, user, setup, cleanup);
	}

	Call before(Consumer<CaseSupport> step) {
		return new Call(method, path, body, target, setup == null ? step : setup.andThen(step), cleanup);
	}

	Call after(Consumer<CaseSupport> step) {
		return new Call(method, path, body, target, setup, cleanup == null ? step : cleanup.andThen(step));
	}

	@Override
	public String toString() {
		return method + " " + path + (target == null ? "" : " on " + target) + (body == null ? "" : " " + body);
	}
}
