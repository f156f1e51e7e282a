package io.gatehouse.tokens;

import io.gatehouse.shared.AuditedEvent;

/** An audited event about one personal access token. */
public interface TokenEvent extends AuditedEvent {

	PersonalAccessToken token();
}
