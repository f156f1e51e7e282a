package io.gatehouse.users;

import java.time.Clock;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the directory: one user, a searched page of users, a user's recent activity. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	private final AccessControl access;

	private final UserStore users;

	private final UserSearchStore searchQuery;

	private final SignInRollupStore rollups;

	private final ActiveUserCache activeUsers;

	private final Clock clock;

	UserDirectory(AccessControl access, UserStore users, UserSearchStore searchQuery, SignInRollupStore rollups,
			ActiveUserCache activeUsers, Clock clock) {
		this.access = access;
		this.users = users;
		this.searchQuery = searchQuery;
		this.rollups = rollups;
		this.activeUsers = activeUsers;
		this.clock = clock;
	}

	public User get(Actor actor, UUID id) {
		access.require(actor, Permissions.USERS_READ);
		return users.findLive(id).orElseThrow(UserStore::notFound);
	}

	/**
	 * The acting user's own account, which everyone may read: the one the request was just authenticated as, cached on
	 * this node until it changes (see {@link ActiveUserCache}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS) // at most one statement: no transaction round trips
	public User me(Actor actor) {
		return activeUsers.findActive(actor.userId())
			.or(() -> users.findLive(actor.userId()))
			.orElseThrow(UserStore::notFound);
	}

	public UserPage search(Actor actor, UserSearch search) {
		access.require(actor, Permissions.USERS_READ);
		if (search.limit() < 1 || search.limit() > UserSearch.MAX_LIMIT) {
			throw DomainException.invalidField("limit", "range", "must be between 1 and " + UserSearch.MAX_LIMIT);
		}
		if (search.dormantDays() != null && search.dormantDays() < 1) {
			throw DomainException.invalidField("dormantDays", "range", "must be at least 1");
		}
		return searchQuery.run(search, clock.instant());
	}

	/**
	 * A page and how many users the search finds in all pages (exact up to {@link UserCount#BOUND}): what the users
	 * list shows, computed together so that the count reuses what the page's query learnt.
	 */
	public CountedUserPage searchCounted(Actor actor, UserSearch search) {
		access.require(actor, Permissions.USERS_READ);
		if (search.limit() < 1 || search.limit() > UserSearch.MAX_LIMIT) {
			throw DomainException.invalidField("limit", "range", "must be between 1 and " + UserSearch.MAX_LIMIT);
		}
		if (search.dormantDays() != null && search.dormantDays() < 1) {
			throw DomainException.invalidField("dormantDays", "range", "must be at least 1");
		}
		UserSearchStore.Counted counted = searchQuery.runCounted(search, clock.instant(), UserCount.BOUND + 1);
		return new CountedUserPage(counted.page(), new UserCount(Math.min(counted.count(), UserCount.BOUND),
				counted.count() > UserCount.BOUND));
	}

	/** How many users the search finds in all pages, exact up to {@link UserCount#BOUND}. */
	public UserCount count(Actor actor, UserSearch search) {
		access.require(actor, Permissions.USERS_READ);
		if (search.dormantDays() != null && search.dormantDays() < 1) {
			throw DomainException.invalidField("dormantDays", "range", "must be at least 1");
		}
		long counted = searchQuery.count(search, clock.instant(), UserCount.BOUND + 1);
		return new UserCount(Math.min(counted, UserCount.BOUND), counted > UserCount.BOUND);
	}

	public UserActivity activity(Actor actor, UUID id) {
		access.require(actor, Permissions.USERS_READ);
		User user = users.findLive(id).orElseThrow(UserStore::notFound);
		return rollups.activity(user, clock.instant());
	}

	/** Whether the user exists and may act now: the check behind every session and token request. */
	@Transactional(propagation = Propagation.SUPPORTS) // one statement on the hot path: no transaction round trips
	public java.util.Optional<User> findActive(UUID id) {
		return activeUsers.findActive(id);
	}

	/** The account a sign-in login (username or email) names, deleted or not: what brute-force state is keyed by. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public java.util.Optional<UUID> idForLogin(String login) {
		return login == null || login.isBlank() ? java.util.Optional.empty() : users.idByLogin(login.strip());
	}

	public long count() {
		return users.count();
	}
}
