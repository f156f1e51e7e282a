package io.gatehouse.applications;

import io.gatehouse.shared.Actor;

/** Gone with every authorization and consent it held: its tokens stop working at once. */
public record ApplicationDeleted(Actor actor, Application application) implements ApplicationEvent {

	@Override
	public String action() {
		return "application.deleted";
	}
}
