package io.gatehouse.tokens;

import java.util.Map;

import io.gatehouse.mail.MailTemplate;
import io.gatehouse.mail.OutgoingMail;
import io.gatehouse.mail.Outbox;
import io.gatehouse.shared.MailDates;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens to tokens around their owner: a security notice by mail when one is created (a stolen session
 * minting a token should not go unnoticed), and every token removed when the owner is deleted.
 */
@Component
class TokenNotices {

	private final TokenStore store;

	private final UserDirectory users;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	TokenNotices(TokenStore store, UserDirectory users, Outbox outbox,
			ApplicationEventPublisher events) {
		this.store = store;
		this.users = users;
		this.outbox = outbox;
		this.events = events;
	}

	@EventListener
	void on(TokenCreated event) {
		PersonalAccessToken token = event.token();
		users.findActive(token.userId())
			.ifPresent(user -> outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.TOKEN_CREATED,
					Map.of("username", user.username(), "tokenName", token.name(), "prefix", token.displayPrefix(),
							"expiresAt", token.expiresAt() == null ? "never" : MailDates.format(token.expiresAt())))));
	}

	@EventListener
	void on(UserDeleted event) {
		for (PersonalAccessToken token : store.listOf(event.userId())) {
			store.delete(token.id());
			events.publishEvent(new TokenRevoked(event.actor(), token));
		}
	}
}
