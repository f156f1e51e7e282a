package io.gatehouse.applications;

import io.gatehouse.shared.Actor;

public record ApplicationUpdated(Actor actor, Application application) implements ApplicationEvent {

	@Override
	public String action() {
		return "application.updated";
	}
}
