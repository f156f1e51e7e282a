package io.gatehouse.sso;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.Resources;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.shared.RequiredText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity providers registry. Reading needs {@code settings:read}, changing {@code settings:update}; beyond that,
 * a provider is a standing grant to whoever it vouches for, so every group and role it hands out (defaults and claim
 * mappings) is held to the rule of granting, and what could take over existing accounts (linking by email, moving
 * where the provider's keys are read) or weaken their sign-in (trusting the provider's second factor) is for someone
 * who holds everything.
 */
@Service
@Transactional
public class IdentityProviders {

	static final String OIDC = "oidc";

	static final String SAML = "saml";

	private final AccessControl access;

	private final AccessModel model;

	private final GroupManagement groups;

	private final ProviderStore store;

	private final ClientSecrets secrets;

	private final OidcDiscovery discovery;

	private final SamlMetadata samlMetadata;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IdentityProviders(AccessControl access, AccessModel model, GroupManagement groups, ProviderStore store,
			ClientSecrets secrets, OidcDiscovery discovery, SamlMetadata samlMetadata, ApplicationEventPublisher events,
			Clock clock) {
		this.samlMetadata = samlMetadata;
		this.access = access;
		this.model = model;
		this.groups = groups;
		this.store = store;
		this.secrets = secrets;
		this.discovery = discovery;
		this.events = events;
		this.clock = clock;
	}

	/** What the sign-in page offers: enabled providers, for anyone. */
	public record SignInOption(String alias, String displayName, String protocol) {

		/** Where the sign-in through this provider starts. */
		public String startPath() {
			return "/sso/" + protocol + "/start/" + alias;
		}
	}

	/** A SAML provider as the service provider uses it: with its metadata. */
	public record SamlClient(IdentityProvider provider, SamlMetadata.Parsed metadata) {
	}

	/** A provider as the relying party uses it, client secret included; never leaves the server. */
	public record Client(IdentityProvider provider, String clientSecret) {
	}

	/** The outcome of reading a provider's metadata. */
	public record TestResult(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
			String endSessionEndpoint) {
	}

	@Transactional(readOnly = true)
	public List<IdentityProvider> list(Actor actor) {
		access.require(actor, Permissions.SETTINGS_READ);
		return store.list().stream().map(ProviderStore.Stored::provider).toList();
	}

	@Transactional(readOnly = true)
	public IdentityProvider get(Actor actor, UUID id) {
		access.require(actor, Permissions.SETTINGS_READ);
		return existing(id).provider();
	}

	@Transactional(readOnly = true)
	public List<SignInOption> signInOptions() {
		return store.list()
			.stream()
			.map(ProviderStore.Stored::provider)
			.filter(IdentityProvider::enabled)
			.map(p -> new SignInOption(p.alias(), p.displayName(), p.protocol()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<Client> client(String alias) {
		return store.findByAlias(alias)
			.filter(row -> row.provider().enabled() && OIDC.equals(row.provider().protocol()))
			.map(row -> new Client(row.provider(), secrets.open(row.sealedSecret())));
	}

	/** An enabled SAML provider; {@code enabledOnly} false for its service provider metadata, which is public. */
	@Transactional(readOnly = true)
	public Optional<SamlClient> samlClient(String alias, boolean enabledOnly) {
		return store.findByAlias(alias)
			.filter(row -> SAML.equals(row.provider().protocol()) && (row.provider().enabled() || !enabledOnly))
			.map(row -> new SamlClient(row.provider(), samlMetadata.parse(row.samlMetadata())));
	}

	@Transactional(readOnly = true)
	public Optional<IdentityProvider> enabled(String alias) {
		return store.findByAlias(alias).map(ProviderStore.Stored::provider).filter(IdentityProvider::enabled);
	}

	public IdentityProvider create(Actor actor, ProviderDraft draft) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		List<FieldViolation> violations = new ArrayList<>();
		ProviderRules.checkAlias(draft.alias(), violations);
		String protocol = draft.protocol() == null ? OIDC : draft.protocol();
		String metadata = null;
		String issuer = draft.issuer();
		if (SAML.equals(protocol)) {
			metadata = samlMetadata(draft, violations);
			issuer = metadata == null ? null : samlMetadata.parse(metadata).entityId();
		}
		else if (OIDC.equals(protocol)) {
			ProviderRules.checkUrl("issuer", draft.issuer(), true, violations);
		}
		else {
			violations.add(new FieldViolation("protocol", "choice", "must be oidc or saml"));
		}
		Instant now = clock.instant();
		IdentityProvider provider = shape(UUID.randomUUID(), protocol, draft.alias(), issuer, draft, violations, now,
				now, 1);
		if (store.aliasTaken(draft.alias())) {
			throw DomainException.conflict("alias-taken", "Another identity provider has this alias.", "alias");
		}
		requireGrants(actor, null, provider);
		String secret = draft.clientSecret() == null || draft.clientSecret().isEmpty() ? null : draft.clientSecret();
		store.insert(provider, secrets.seal(secret), metadata);
		IdentityProvider saved = withSecretSet(provider, secret != null);
		events.publishEvent(new IdentityProviderChanged(actor, "identity-provider.created", saved.id(), saved.alias()));
		return saved;
	}

	/** Replaces the provider's settings; alias and issuer are fixed, a missing client secret keeps the stored one. */
	public IdentityProvider update(Actor actor, UUID id, ProviderDraft draft, Long expectedVersion) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		ProviderStore.Stored current = existing(id);
		IdentityProvider before = current.provider();
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw DomainException.versionMismatch("identity provider");
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (draft.alias() != null && !draft.alias().equals(before.alias())) {
			violations.add(new FieldViolation("alias", "immutable", "cannot be changed; register a new provider"));
		}
		if (draft.protocol() != null && !draft.protocol().equals(before.protocol())) {
			violations.add(new FieldViolation("protocol", "immutable", "cannot be changed; register a new provider"));
		}
		if (draft.issuer() != null && !draft.issuer().equals(before.issuer())) {
			violations.add(new FieldViolation("issuer", "immutable",
					"cannot be changed: accounts are linked to this issuer's subjects; register a new provider"));
		}
		String metadata = current.samlMetadata();
		if (SAML.equals(before.protocol()) && (draft.metadataXml() != null || draft.metadataUrl() != null)) {
			metadata = samlMetadata(draft, violations);
			if (metadata != null && !samlMetadata.parse(metadata).entityId().equals(before.issuer())) {
				violations.add(new FieldViolation("metadataXml", "immutable",
						"names another entity id: accounts are linked to this provider's subjects; register a new "
								+ "provider"));
			}
		}
		IdentityProvider provider = shape(id, before.protocol(), before.alias(), before.issuer(), draft, violations,
				before.createdAt(), clock.instant(), before.version() + 1);
		requireGrants(actor, before, provider);
		if (!Objects.equals(metadata, current.samlMetadata()) && !access.holdsEverything(actor)) {
			throw DomainException.forbidden("privilege-escalation", "Which certificates the provider signs with "
					+ "decides who can sign in as its linked accounts; only a System Administrator can change it.");
		}
		String sealed = draft.clientSecret() == null ? current.sealedSecret()
				: draft.clientSecret().isEmpty() ? null : secrets.seal(draft.clientSecret());
		if (!store.update(provider, sealed, metadata, before.version())) {
			throw DomainException.versionMismatch("identity provider");
		}
		IdentityProvider saved = withSecretSet(provider, sealed != null);
		events.publishEvent(new IdentityProviderChanged(actor, "identity-provider.updated", id, saved.alias()));
		return saved;
	}

	public IdentityProvider setEnabled(Actor actor, UUID id, boolean enabled) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		ProviderStore.Stored current = existing(id);
		IdentityProvider p = current.provider();
		if (p.enabled() == enabled) {
			return p;
		}
		IdentityProvider changed = new IdentityProvider(p.id(), p.alias(), p.displayName(), p.protocol(), p.issuer(),
				p.discoveryUrl(), p.clientId(), p.clientSecretSet(), p.scopes(), enabled, p.provisioning(),
				p.defaultRole(), p.defaultGroups(), p.linkByEmail(), p.trustProviderMfa(), p.trustedAcrValues(), p.mappings(), p.createdAt(),
				clock.instant(), p.version() + 1);
		if (!store.update(changed, current.sealedSecret(), current.samlMetadata(), p.version())) {
			throw DomainException.versionMismatch("identity provider");
		}
		events.publishEvent(new IdentityProviderChanged(actor,
				enabled ? "identity-provider.enabled" : "identity-provider.disabled", id, p.alias()));
		return changed;
	}

	/** Deletes the provider and the links of its subjects; the accounts stay, and no longer sign in through it. */
	public void delete(Actor actor, UUID id) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		IdentityProvider provider = existing(id).provider();
		requireGrants(actor, provider, null);
		store.delete(id);
		events.publishEvent(new IdentityProviderChanged(actor, "identity-provider.deleted", id, provider.alias()));
	}

	/** Reads the provider's metadata now, as a sign-in would. */
	@Transactional(readOnly = true)
	public TestResult test(Actor actor, UUID id) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		ProviderStore.Stored stored = existing(id);
		IdentityProvider provider = stored.provider();
		if (SAML.equals(provider.protocol())) {
			String xml = provider.discoveryUrl() == null ? stored.samlMetadata() : samlMetadata.fetch(provider.discoveryUrl());
			SamlMetadata.Parsed parsed;
			try {
				parsed = samlMetadata.parse(xml);
			}
			catch (DomainException ex) {
				throw new DomainException(DomainException.Kind.CONFLICT, "provider-metadata-invalid", ex.getMessage());
			}
			if (!parsed.entityId().equals(provider.issuer())) {
				throw new DomainException(DomainException.Kind.CONFLICT, "provider-metadata-invalid",
						"The provider's metadata no longer names the entity id " + provider.issuer() + ".");
			}
			return new TestResult(parsed.entityId(), parsed.signOnUrl(), null, null, null);
		}
		Map<String, Object> metadata = discovery.metadata(provider);
		return new TestResult(provider.issuer(), (String) metadata.get("authorization_endpoint"),
				(String) metadata.get("token_endpoint"), (String) metadata.get("jwks_uri"),
				metadata.get("end_session_endpoint") instanceof String end ? end : null);
	}

	private IdentityProvider shape(UUID id, String protocol, String alias, String issuer, ProviderDraft draft,
			List<FieldViolation> violations, Instant createdAt, Instant updatedAt, long version) {
		if (SAML.equals(protocol)) {
			return shapeSaml(id, alias, issuer, draft, violations, createdAt, updatedAt, version);
		}
		String displayName = null;
		String clientId = null;
		try {
			displayName = RequiredText.check("displayName", draft.displayName(), 100);
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
		}
		try {
			clientId = RequiredText.check("clientId", draft.clientId(), 255);
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
		}
		if (draft.clientSecret() != null && draft.clientSecret().length() > 1000) {
			violations.add(new FieldViolation("clientSecret", "length", "must be at most 1000 characters"));
		}
		String discoveryUrl = draft.discoveryUrl() == null || draft.discoveryUrl().isBlank() ? null : draft.discoveryUrl();
		ProviderRules.checkUrl("discoveryUrl", discoveryUrl, false, violations);
		List<String> scopes = ProviderRules.scopes(draft.scopes(), violations);
		return shapeCommon(id, OIDC, alias, issuer, displayName, discoveryUrl, clientId, scopes, draft, violations,
				createdAt, updatedAt, version);
	}

	/** A SAML provider: no client or scopes; its metadata address is kept where an OIDC discovery URL would be. */
	private IdentityProvider shapeSaml(UUID id, String alias, String issuer, ProviderDraft draft,
			List<FieldViolation> violations, Instant createdAt, Instant updatedAt, long version) {
		String displayName = null;
		try {
			displayName = RequiredText.check("displayName", draft.displayName(), 100);
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
		}
		for (String field : new String[] { "clientId", "clientSecret", "discoveryUrl" }) {
			Object given = switch (field) {
				case "clientId" -> draft.clientId();
				case "clientSecret" -> draft.clientSecret();
				default -> draft.discoveryUrl();
			};
			if (given != null) {
				violations.add(new FieldViolation(field, "saml", "is for OIDC providers only"));
			}
		}
		if (draft.scopes() != null && !draft.scopes().isEmpty()) {
			violations.add(new FieldViolation("scopes", "saml", "is for OIDC providers only"));
		}
		String metadataUrl = draft.metadataUrl() == null || draft.metadataUrl().isBlank() ? null : draft.metadataUrl();
		return shapeCommon(id, SAML, alias, issuer, displayName, metadataUrl, null, List.of(), draft, violations,
				createdAt, updatedAt, version);
	}

	private IdentityProvider shapeCommon(UUID id, String protocol, String alias, String issuer, String displayName,
			String discoveryUrl, String clientId, List<String> scopes, ProviderDraft draft,
			List<FieldViolation> violations, Instant createdAt, Instant updatedAt, long version) {
		Provisioning provisioning = draft.provisioning() == null ? Provisioning.JIT : Provisioning.of(draft.provisioning());
		if (provisioning == null) {
			violations.add(new FieldViolation("provisioning", "choice", "must be jit or existing-only"));
		}
		List<UUID> defaultGroups = draft.defaultGroups() == null ? new ArrayList<>()
				: new ArrayList<>(new LinkedHashSet<>(draft.defaultGroups()));
		if (defaultGroups.contains(null)) {
			violations.add(new FieldViolation("defaultGroups", "required", "must not contain null"));
		}
		if (defaultGroups.size() > 50) {
			violations.add(new FieldViolation("defaultGroups", "size", "must be at most 50 groups"));
		}
		List<ClaimMapping> mappings = draft.mappings() == null ? List.of() : draft.mappings();
		if (mappings.size() > ProviderRules.MAX_MAPPINGS) {
			violations.add(new FieldViolation("mappings", "size", "must be at most " + ProviderRules.MAX_MAPPINGS));
		}
		else {
			for (int i = 0; i < mappings.size(); i++) {
				ProviderRules.checkMapping(i, mappings.get(i), violations);
			}
		}
		List<String> acrValues = ProviderRules.acrValues(draft.trustedAcrValues(), violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The identity provider has invalid fields.", violations);
		}
		List<ClaimMapping> normalized = mappings.stream()
			.map(m -> new ClaimMapping(m.claim(), m.value(), m.groupId(), m.roleId(),
					m.roleId() == null ? null : m.resourceId() == null ? Resources.INSTANCE : m.resourceId()))
			.toList();
		return new IdentityProvider(id, alias, displayName, protocol, issuer, discoveryUrl, clientId, false, scopes,
				!Boolean.FALSE.equals(draft.enabled()), provisioning, draft.defaultRole(), List.copyOf(defaultGroups),
				Boolean.TRUE.equals(draft.linkByEmail()), Boolean.TRUE.equals(draft.trustProviderMfa()), acrValues,
				normalized,
				createdAt, updatedAt, version);
	}

	/**
	 * Every group and role the provider starts or stops handing out must be one the actor could grant; linking by
	 * email, and reading the keys from another place, let the provider speak for accounts that exist already.
	 */
	private void requireGrants(Actor actor, IdentityProvider before, IdentityProvider after) {
		Set<Object> old = before == null ? Set.of() : grantsOf(before);
		Set<Object> now = after == null ? Set.of() : grantsOf(after);
		if (after != null) {
			if (after.defaultRole() != null && !old.contains(new RoleAt(after.defaultRole(), Resources.INSTANCE))) {
				checkRole("defaultRole", after.defaultRole(), Resources.INSTANCE);
			}
			for (int i = 0; i < after.defaultGroups().size(); i++) {
				if (!old.contains(after.defaultGroups().get(i))) {
					groups.requireJoinable(actor, after.defaultGroups().get(i), "defaultGroups[" + i + "]");
				}
			}
			for (int i = 0; i < after.mappings().size(); i++) {
				ClaimMapping m = after.mappings().get(i);
				Object grant = m.groupId() != null ? m.groupId() : new RoleAt(m.roleId(), m.resourceId());
				if (old.contains(grant)) {
					continue;
				}
				if (m.groupId() != null) {
					groups.requireJoinable(actor, m.groupId(), "mappings[" + i + "].groupId");
				}
				else {
					checkRole("mappings[" + i + "]", m.roleId(), m.resourceId());
				}
			}
		}
		Set<Object> changed = new HashSet<>(old);
		changed.removeAll(now);
		Set<Object> added = new HashSet<>(now);
		added.removeAll(old);
		changed.addAll(added);
		for (Object grant : changed) {
			if (grant instanceof RoleAt role) {
				access.requireGrantable(actor, role.roleId(), role.resourceId());
			}
			else if (groups.exists((UUID) grant)) {
				groups.requireJoinable(actor, (UUID) grant, "mappings");
			}
		}
		boolean linking = after != null && after.linkByEmail() && (before == null || !before.linkByEmail());
		boolean keysMoved = before != null && after != null
				&& !Objects.equals(before.discoveryUrl(), after.discoveryUrl());
		if ((linking || keysMoved) && !access.holdsEverything(actor)) {
			throw DomainException.forbidden("privilege-escalation", linking
					? "Linking existing accounts by email lets the provider sign in as any of them; only a System "
							+ "Administrator can turn it on."
					: "Where the provider's keys are read decides who can sign in as its linked accounts; only a "
							+ "System Administrator can change it.");
		}
		if (trustsMoreSecondFactors(before, after) && !access.holdsEverything(actor)) {
			throw DomainException.forbidden("privilege-escalation", "Trusting the provider's second factor lets "
					+ "its sign-ins skip Gatehouse's for every account it signs in, administrators' included; only a "
					+ "System Administrator can turn it on or trust more authentication classes.");
		}
	}

	/** Turned on, or trusting an {@code acr} value it did not before: turning it off or trusting less is not. */
	private static boolean trustsMoreSecondFactors(IdentityProvider before, IdentityProvider after) {
		if (after == null || !after.trustProviderMfa()) {
			return false;
		}
		return before == null || !before.trustProviderMfa()
				|| !before.trustedAcrValues().containsAll(after.trustedAcrValues());
	}

	private void checkRole(String field, UUID roleId, UUID resourceId) {
		if (BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(roleId)) {
			throw DomainException.invalidField(field, "not-system-administrator",
					"an identity provider cannot make System Administrators");
		}
		if (BuiltInRoles.byId(roleId) == null && model.role(roleId) == null) {
			throw DomainException.invalidField(field, "exists", "is not a known role; see GET /api/v1/roles");
		}
		if (!access.resourceExists(resourceId)) {
			throw DomainException.invalidField(field, "exists", "is not a known resource");
		}
	}

	private static Set<Object> grantsOf(IdentityProvider provider) {
		Set<Object> grants = new HashSet<>(provider.defaultGroups());
		if (provider.defaultRole() != null) {
			grants.add(new RoleAt(provider.defaultRole(), Resources.INSTANCE));
		}
		for (ClaimMapping m : provider.mappings()) {
			grants.add(m.groupId() != null ? m.groupId() : new RoleAt(m.roleId(), m.resourceId()));
		}
		return grants;
	}

	private record RoleAt(UUID roleId, UUID resourceId) {
	}

	/** The metadata as given, or read from its address; null (with a violation) when neither is usable. */
	private String samlMetadata(ProviderDraft draft, List<FieldViolation> violations) {
		String xml = draft.metadataXml();
		if ((xml == null || xml.isBlank()) && (draft.metadataUrl() == null || draft.metadataUrl().isBlank())) {
			violations.add(new FieldViolation("metadataXml", "required", "or metadataUrl is required"));
			return null;
		}
		if (xml == null || xml.isBlank()) {
			int before = violations.size();
			ProviderRules.checkUrl("metadataUrl", draft.metadataUrl(), true, violations);
			if (violations.size() > before) {
				return null;
			}
			xml = samlMetadata.fetch(draft.metadataUrl());
		}
		if (xml.length() > SamlMetadata.MAX_LENGTH) {
			violations.add(new FieldViolation("metadataXml", "length",
					"must be at most " + SamlMetadata.MAX_LENGTH + " characters"));
			return null;
		}
		try {
			samlMetadata.parse(xml);
			return xml;
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
			return null;
		}
	}

	private ProviderStore.Stored existing(UUID id) {
		return store.find(id)
			.orElseThrow(() -> DomainException.notFound("identity-provider-not-found", "No identity provider has this id."));
	}

	private static IdentityProvider withSecretSet(IdentityProvider p, boolean set) {
		return new IdentityProvider(p.id(), p.alias(), p.displayName(), p.protocol(), p.issuer(), p.discoveryUrl(),
				p.clientId(), set, p.scopes(), p.enabled(), p.provisioning(), p.defaultRole(), p.defaultGroups(),
				p.linkByEmail(), p.trustProviderMfa(), p.trustedAcrValues(), p.mappings(), p.createdAt(), p.updatedAt(), p.version());
	}
}
