package io.gatehouse.tokens;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.shared.AuditedEvent;

/** An audited event about one personal access token, recording whose it is and how to recognise it. */
public interface TokenEvent extends AuditedEvent {

	PersonalAccessToken token();

	@Override
	default String targetType() {
		return "token";
	}

	@Override
	default String targetId() {
		return token().id().toString();
	}

	@Override
	default Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("owner", token().userId().toString());
		details.put("name", token().name());
		details.put("prefix", token().displayPrefix());
		details.put("expiresAt", String.valueOf(token().expiresAt()));
		return details;
	}
}
