package io.gatehouse.sso;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessModel;
import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.AuthorizationModeSettings;
import io.gatehouse.access.Binding;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.access.Resources;
import io.gatehouse.auth.SignIn;
import io.gatehouse.auth.SignInStep;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.groups.UserAssignments;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.AccountRuleSettings;
import io.gatehouse.users.ExternalAccounts;
import io.gatehouse.users.ExternalIdentity;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a sign-in a provider vouched for (its ID token already checked): the account of the provider's subject,
 * found by (provider, subject) and never by email alone, made just in time or linked by verified email where the
 * provider allows it, its identity fields and mapped groups and roles brought up to date, then the same guarded
 * sign-in and session as a password's. Every refusal is recorded with its reason.
 */
@Service
public class SsoSignIn {

	private final IdentityProviders providers;

	private final IdentityStore identities;

	private final ExternalAccounts accounts;

	private final UserDirectory directory;

	private final UserAssignments assignments;

	private final GroupManagement groups;

	private final AccessModel model;

	private final AccessControl access;

	private final AccountRuleSettings rules;

	private final AuthorizationModeSettings authorization;

	private final SignIn signIn;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SsoSignIn(IdentityProviders providers, IdentityStore identities, ExternalAccounts accounts, UserDirectory directory,
			UserAssignments assignments, GroupManagement groups, AccessModel model, AccessControl access,
			AccountRuleSettings rules, AuthorizationModeSettings authorization, SignIn signIn,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.providers = providers;
		this.identities = identities;
		this.accounts = accounts;
		this.directory = directory;
		this.assignments = assignments;
		this.groups = groups;
		this.model = model;
		this.access = access;
		this.rules = rules;
		this.authorization = authorization;
		this.signIn = signIn;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** @param claims the ID token's claims (with the UserInfo's, when the provider has that endpoint) */
	public SignInStep complete(String alias, Map<String, Object> claims, String clientIp, String userAgent) {
		return complete(IdentityProviders.OIDC, alias, claims, clientIp, userAgent);
	}

	/**
	 * @param protocol the protocol the sign-in came through, which must be the provider's
	 * @param claims what the provider said about the person, {@code sub} their subject (a SAML NameID)
	 */
	public SignInStep complete(String protocol, String alias, Map<String, Object> claims, String clientIp,
			String userAgent) {
		String subject = ClaimValues.text(claims, "sub");
		String login = protocol + ":" + alias + ":" + (subject == null ? "" : subject);
		Optional<IdentityProvider> found = providers.enabled(alias).filter(p -> p.protocol().equals(protocol));
		if (found.isEmpty() || subject == null || subject.isEmpty() || subject.length() > 255) {
			throw refuse(null, login, clientIp, found.isEmpty() ? "provider-disabled" : "subject-invalid");
		}
		IdentityProvider provider = found.get();
		User user;
		try {
			user = transaction.execute(status -> account(provider, subject, claims));
		}
		catch (DomainException ex) {
			throw refuse(null, login, clientIp, ex.code());
		}
		if (user == null) {
			throw refuse(null, login, clientIp, "no-account");
		}
		boolean secondFactor = provider.trustProviderMfa() && (ClaimValues.provesSecondFactor(claims)
				|| ClaimValues.hasAcr(claims, provider.trustedAcrValues()));
		return signIn.withIdentityProvider(user, login, secondFactor, clientIp, userAgent);
	}

	/** Recorded for a sign-in the relying party refused before it had claims (bad state, token, nonce...). */
	public void refused(String alias, String clientIp, String reason) {
		refused(IdentityProviders.OIDC, alias, clientIp, reason);
	}

	/** Recorded for a sign-in refused before its answer could be trusted (signature, audience, replay...). */
	public void refused(String protocol, String alias, String clientIp, String reason) {
		signIn.recordExternalRefusal(null, protocol + ":" + alias, clientIp, reason);
	}

	private DomainException refuse(UUID userId, String login, String clientIp, String reason) {
		signIn.recordExternalRefusal(userId, login, clientIp, reason);
		return DomainException.forbidden("sign-in-refused", refusalMessage(reason));
	}

	static String refusalMessage(String reason) {
		return switch (reason) {
			case "no-account" -> "There is no account for you here; ask an administrator to add you.";
			case "email-taken" -> "Another account already uses your email address; ask an administrator to link it.";
			case "provider-disabled" -> "This sign-in option is not available.";
			default -> "The sign-in with your identity provider was refused.";
		};
	}

	/** The account, or null when the provider admits only existing accounts and this subject has none. */
	private User account(IdentityProvider provider, String subject, Map<String, Object> claims) {
		ExternalIdentity identity = identity(IdentityProviders.SAML.equals(provider.protocol()) ? UserSource.SAML
				: UserSource.OIDC, subject, claims);
		Optional<UUID> linked = identities.userOf(provider.id(), subject);
		User user;
		boolean made = false;
		if (linked.isPresent()) {
			user = directory.get(Actor.system(), linked.get());
			identities.signedIn(provider.id(), subject, clock.instant());
			if ((user.source() == UserSource.OIDC || user.source() == UserSource.SAML) && user.isActive()) {
				user = accounts.refresh(Actor.system(), user.id(), identity);
			}
		}
		else {
			Optional<User> local = provider.linkByEmail() && identity.emailVerified()
					? accounts.findLocalByVerifiedEmail(identity.email()) : Optional.empty();
			if (local.isPresent()) {
				user = local.get();
				identities.link(provider.id(), subject, user.id(), clock.instant());
				events.publishEvent(new IdentityLinked(Actor.system(), user.id(), provider.alias(), subject, "email"));
			}
			else if (provider.provisioning() == Provisioning.JIT) {
				user = accounts.create(Actor.system(), identity);
				identities.link(provider.id(), subject, user.id(), clock.instant());
				events.publishEvent(new IdentityLinked(Actor.system(), user.id(), provider.alias(), subject, "created"));
				made = true;
			}
			else {
				return null;
			}
		}
		if (user.isActive()) {
			applyMappings(provider, user.id(), claims, made);
		}
		return user;
	}

	private static ExternalIdentity identity(UserSource source, String subject, Map<String, Object> claims) {
		return new ExternalIdentity(source, subject, ClaimValues.text(claims, "email"),
				ClaimValues.isTrue(claims, "email_verified"), ClaimValues.text(claims, "given_name"),
				ClaimValues.text(claims, "family_name"), ClaimValues.text(claims, "name"),
				ClaimValues.text(claims, "department"));
	}

	/**
	 * With external authorization the provider's mappings (and its default grants) are all the user holds, made so at
	 * every sign-in. Otherwise a new account gets the defaults, and every sign-in adds what the mappings give, leaving
	 * what administrators granted here alone.
	 */
	private void applyMappings(IdentityProvider provider, UUID userId, Map<String, Object> claims, boolean made) {
		Set<UUID> wantedGroups = new LinkedHashSet<>();
		Set<RoleGrant> wantedRoles = new LinkedHashSet<>();
		boolean external = authorization.authorizationMode() == AuthorizationMode.EXTERNAL;
		if (made || external) {
			wantedGroups.addAll(provider.defaultGroups());
			Optional.ofNullable(provider.defaultRole())
				.or(rules::defaultRole)
				.ifPresent(role -> wantedRoles.add(new RoleGrant(role, Resources.INSTANCE)));
		}
		for (ClaimMapping mapping : provider.mappings()) {
			if (ClaimValues.holds(claims, mapping.claim(), mapping.value())) {
				if (mapping.groupId() != null) {
					wantedGroups.add(mapping.groupId());
				}
				else {
					wantedRoles.add(new RoleGrant(mapping.roleId(), mapping.resourceId()));
				}
			}
		}
		// what was deleted since the provider was set up is skipped, not a failed sign-in
		List<UUID> groupIds = wantedGroups.stream().filter(groups::exists).toList();
		List<RoleGrant> roles = wantedRoles.stream().filter(this::grantable).toList();
		if (external) {
			assignments.replace(Actor.system(), userId, groupIds, roles);
			return;
		}
		Set<UUID> held = new LinkedHashSet<>(groups.groupsOf(Actor.system(), userId));
		Set<RoleGrant> holding = new LinkedHashSet<>();
		for (Binding binding : model.bindingsOf(PrincipalType.USER, userId)) {
			holding.add(new RoleGrant(binding.roleId(), binding.resourceId()));
		}
		List<UUID> newGroups = new ArrayList<>(groupIds.stream().filter(g -> !held.contains(g)).toList());
		List<RoleGrant> newRoles = roles.stream().filter(r -> !holding.contains(r)).toList();
		if (!newGroups.isEmpty() || !newRoles.isEmpty()) {
			assignments.grant(Actor.system(), userId, newGroups, newRoles);
		}
	}

	private boolean grantable(RoleGrant grant) {
		return !BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(grant.roleId())
				&& (BuiltInRoles.byId(grant.roleId()) != null || model.role(grant.roleId()) != null)
				&& access.resourceExists(grant.resourceOrInstance());
	}

	@EventListener
	void on(UserDeleted event) {
		identities.forgetUser(event.userId());
	}
}
