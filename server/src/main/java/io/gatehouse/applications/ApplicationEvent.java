package io.gatehouse.applications;

import java.util.Map;

import io.gatehouse.shared.AuditedEvent;

/** An audited change of one application: its target is the application, named by its client id. */
public interface ApplicationEvent extends AuditedEvent {

	Application application();

	@Override
	default String targetType() {
		return "application";
	}

	@Override
	default String targetId() {
		return application().id().toString();
	}

	@Override
	default Map<String, Object> details() {
		return Map.of("clientId", application().clientId(), "name", application().name());
	}
}
