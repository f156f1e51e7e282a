package io.gatehouse.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering the applications that sign users in with Gatehouse. Whoever holds {@code applications:*} on the
 * instance may do it. An application cannot give anyone more than they hold: its tokens speak only for the user who
 * signed in (or, with client credentials, for no user at all), and the API does not take them as credentials.
 */
@Service
@Transactional
public class ApplicationManagement {

	private final AccessControl access;

	// the database itself, not the per-node cache the authorization server reads: a change starts from what is stored
	private final JdbcRegisteredClientRepository clients;

	private final ApplicationStore store;

	private final ApplicationSecrets secrets;

	private final ApplicationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicationManagement(AccessControl access, JdbcRegisteredClientRepository clients, ApplicationStore store,
			ApplicationSecrets secrets, ApplicationSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.clients = clients;
		this.store = store;
		this.secrets = secrets;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Registers the application; a confidential one gets its secret here, and only here. */
	public RegisteredApplication create(Actor actor, ApplicationDraft draft) {
		access.require(actor, Permissions.APPLICATIONS_CREATE);
		ApplicationDraft checked = ApplicationRules.check(draft);
		String secret = checked.type() == ClientType.CONFIDENTIAL ? ApplicationSecrets.generate() : null;
		RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(UUID.randomUUID().toString())
			// to the millisecond, which every database keeps as given: the answer is what a read gives back
			.clientIdIssuedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
		if (secret != null) {
			builder.clientSecret(secrets.encode(secret));
		}
		RegisteredClient client = RegisteredClients.build(builder, checked, settings).build();
		clients.save(client);
		Application application = RegisteredClients.application(client);
		events.publishEvent(new ApplicationCreated(actor, application));
		return new RegisteredApplication(application, secret);
	}

	@Transactional(readOnly = true)
	public List<Application> list(Actor actor) {
		access.require(actor, Permissions.APPLICATIONS_READ);
		return store.list().stream().map(RegisteredClients::application).toList();
	}

	@Transactional(readOnly = true)
	public Application get(Actor actor, UUID id) {
		access.require(actor, Permissions.APPLICATIONS_READ);
		return RegisteredClients.application(find(id));
	}

	/** Changes what the draft names; what it leaves null stays. The type stays what it was. */
	public Application update(Actor actor, UUID id, ApplicationDraft changes) {
		access.require(actor, Permissions.APPLICATIONS_UPDATE);
		RegisteredClient current = find(id);
		ApplicationDraft was = RegisteredClients.draftOf(current);
		if (changes.type() != null && changes.type() != was.type()) {
			throw DomainException.invalidField("type", "immutable",
					"cannot change: register a new application of the other type");
		}
		ApplicationDraft merged = ApplicationRules.check(new ApplicationDraft(
				changes.name() != null ? changes.name() : was.name(), was.type(),
				changes.firstParty() != null ? changes.firstParty() : was.firstParty(),
				changes.redirectUris() != null ? changes.redirectUris() : was.redirectUris(),
				changes.postLogoutRedirectUris() != null ? changes.postLogoutRedirectUris()
						: was.postLogoutRedirectUris(),
				changes.scopes() != null ? changes.scopes() : was.scopes(),
				changes.grantTypes() != null ? changes.grantTypes() : was.grantTypes()));
		RegisteredClient updated = RegisteredClients.build(RegisteredClient.from(current), merged, settings).build();
		clients.save(updated);
		Application application = RegisteredClients.application(updated);
		events.publishEvent(new ApplicationUpdated(actor, application));
		return application;
	}

	/** Deleting an application ends every authorization it holds: its tokens stop working at once. */
	public void delete(Actor actor, UUID id) {
		access.require(actor, Permissions.APPLICATIONS_DELETE);
		RegisteredClient client = find(id);
		store.delete(client.getId());
		events.publishEvent(new ApplicationDeleted(actor, RegisteredClients.application(client)));
	}

	/** The longest a previous secret may keep working after a rotation. */
	static final Duration MAX_OVERLAP = Duration.ofDays(30);

	/**
	 * A new secret, shown once. The current one keeps working for {@code overlap} (null: the configured default,
	 * {@code gatehouse.oidc.secret-rotation-overlap}), so that the application's instances can move to the new one
	 * without an outage; zero ends it at once (a leaked secret). A previous secret still in its overlap goes now.
	 */
	public RegisteredApplication rotateSecret(Actor actor, UUID id, Duration overlap) {
		access.require(actor, Permissions.APPLICATIONS_UPDATE);
		Duration kept = overlap == null ? settings.secretRotationOverlap() : overlap;
		if (kept.isNegative() || kept.compareTo(MAX_OVERLAP) > 0) {
			throw DomainException.invalidField("overlap", "range", "must be between 0 and 30 days");
		}
		RegisteredClient client = find(id);
		if (RegisteredClients.application(client).type() == ClientType.PUBLIC) {
			throw DomainException.conflict("application-public", "A public application has no secret to rotate.",
					"type");
		}
		String secret = ApplicationSecrets.generate();
		// kept in whole seconds, rounded up: never shorter than asked
		Instant until = kept.isZero() ? null
				: clock.instant().plus(kept).plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS);
		String stored = until == null ? secrets.encode(secret)
				: secrets.encodeKeepingPrevious(secret, client.getClientSecret(), until);
		RegisteredClient rotated = RegisteredClient.from(client).clientSecret(stored).build();
		clients.save(rotated);
		Application application = RegisteredClients.application(rotated);
		events.publishEvent(new ApplicationSecretRotated(actor, application, until));
		return new RegisteredApplication(application, secret, until);
	}

	private RegisteredClient find(UUID id) {
		RegisteredClient client = clients.findById(id.toString());
		if (client == null) {
			throw DomainException.notFound("application-not-found", "There is no application with this id.");
		}
		return client;
	}
}
