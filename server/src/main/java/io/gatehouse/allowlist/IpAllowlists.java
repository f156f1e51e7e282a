package io.gatehouse.allowlist;

import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Permissions;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserDeleted;
import io.gatehouse.users.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads and replaces users' allowlists, and answers the check behind every sign-in, session request and token
 * request. The check must cost next to nothing: parsed rules are cached per user (an empty list too), dropped on
 * this node when a change commits and on the other nodes when their next poll of the change table sees the
 * allowlist area move.
 */
@Service
public class IpAllowlists {

	// a bound on the cache, so memory stays flat whatever the directory size
	private static final int MAX_CACHED = 100_000;

	private final AccessControl access;

	private final AccessPolicy policy;

	private final AllowlistStore store;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final IpRules systemAdministrators;

	private static final IpRules NOBODY = new IpRules(List.of(new IpRule("none", new byte[16], 128)));

	private final SharedCaches caches;

	private final Cache<UUID, IpRules> cache;

	IpAllowlists(AccessControl access, AccessPolicy policy, AllowlistStore store, UserDirectory users,
			ApplicationEventPublisher events, AllowlistSettings settings, SharedCaches caches) {
		this.access = access;
		this.policy = policy;
		this.store = store;
		this.users = users;
		this.events = events;
		this.systemAdministrators = IpRules.parse(settings.systemAdministrators(), "systemAdministrators");
		this.caches = caches;
		this.cache = caches.cache("allowlist", ChangeArea.ALLOWLIST, MAX_CACHED);
	}

	/**
	 * Whether the user may use a credential from this client address: their own rules, and for a System
	 * Administrator the instance-wide list as well.
	 */
	public boolean permits(UUID userId, String clientAddress) {
		IpRules own = rulesOf(userId);
		if (own.isEmpty() && systemAdministrators.isEmpty()) {
			return true;
		}
		byte[] address = IpAddress.parse(clientAddress);
		if (!own.permits(address)) {
			return false;
		}
		return systemAdministrators.isEmpty() || systemAdministrators.permits(address)
				|| !policy.isSystemAdministrator(userId);
	}

	@Transactional(readOnly = true)
	public List<String> get(Actor actor, UUID userId) {
		if (!actor.is(userId)) {
			access.require(actor, Permissions.USERS_READ);
			users.get(actor, userId);
		}
		return store.rulesOf(userId);
	}

	/** Replaces the user's rules. An administrator cannot write a list that would shut out their own request. */
	@Transactional
	public List<String> set(Actor actor, UUID userId, List<String> texts) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.get(Actor.system(), userId);
		access.requireAuthorityOver(actor, userId);
		IpRules rules = IpRules.parse(texts == null ? List.of() : texts, "rules");
		if (actor.is(userId) && !rules.permits(actor.clientIp())) {
			throw DomainException.conflict("allowlist-excludes-you",
					"This allowlist does not include the address you are using (" + actor.clientIp()
							+ "); saving it would end your access.", "rules");
		}
		// the change row first: its lock makes parallel replacements take turns instead of clashing on the rule keys
		caches.bumpNow(ChangeArea.ALLOWLIST);
		store.replace(userId, rules.texts());
		cache.invalidate(userId);
		events.publishEvent(new IpAllowlistChanged(actor, userId, rules.texts()));
		return rules.texts();
	}

	private IpRules rulesOf(UUID userId) {
		return cache.get(userId, this::load);
	}

	private IpRules load(UUID userId) {
		List<String> stored = store.rulesOf(userId);
		// stored rules were valid when written; one no longer accepted is skipped, and never opens the list
		List<IpRule> parsed = stored.stream().map(IpRule::parse).filter(rule -> rule != null).toList();
		return parsed.isEmpty() && !stored.isEmpty() ? NOBODY : new IpRules(parsed);
	}

	/** A deleted user's rules go with the account; nothing can sign in as them any more to be checked. */
	@EventListener
	void forgetDeleted(UserDeleted deleted) {
		store.replace(deleted.userId(), List.of());
		cache.invalidate(deleted.userId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetAfterCommit(IpAllowlistChanged change) {
		// the entry removed in the transaction may have been filled again from the old rows before the commit
		cache.invalidate(change.userId());
	}
}
