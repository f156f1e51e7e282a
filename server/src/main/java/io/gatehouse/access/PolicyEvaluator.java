package io.gatehouse.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The house rule: may this subject do this at this resource? The steps run in this order and the first that
 * settles the question wins.
 * <ol>
 * <li>The user must be known ({@link DecisionReason#UNKNOWN_USER}) and active ({@link DecisionReason#INACTIVE_USER});
 * a deactivated System Administrator is denied like anyone else.</li>
 * <li>The resource must be known ({@link DecisionReason#UNKNOWN_RESOURCE}), System Administrators included: there is
 * nothing to allow on a resource that does not exist, and a stale or mistyped id must not pass.</li>
 * <li>The permission must be one the catalog declares ({@link DecisionReason#UNKNOWN_PERMISSION}), System
 * Administrators included: a mistyped or removed permission is allowed to nobody, so a caller that asks about it
 * learns "no" rather than a yes that means nothing.</li>
 * <li>A token's scope ({@link DecisionReason#TOKEN_SCOPE}): the permission must match one of its patterns, if it has
 * any, and the resource must be inside its subtree, if it has one. This comes before the System Administrator rule
 * because a token narrows whoever made it.</li>
 * <li>A System Administrator is allowed everything the catalog declares ({@link DecisionReason#SYSTEM_ADMINISTRATOR}),
 * a restriction scope notwithstanding: rule 2 comes before rule 3.</li>
 * <li>A user with a restriction scope is denied everything outside that subtree
 * ({@link DecisionReason#OUTSIDE_RESTRICTION}), whatever their bindings say, instance-wide group profiles
 * included.</li>
 * <li>From the resource up to the root, the first resource where the user has anything decides: the user's own
 * bindings, their groups' bindings, ownership (Admin, at the owned resource) and, at the root only, their groups'
 * permission profiles. The union of everything there decides ({@link DecisionReason#GRANTED} or
 * {@link DecisionReason#DENIED_BY_BINDINGS}); nothing higher up is consulted, which is how an environment's Editor
 * overrides a platform-wide Viewer, and how a No Access binding hides one object under a parent that grants
 * Editor.</li>
 * <li>Nothing found on the way up: denied ({@link DecisionReason#NO_BINDING}). A user with no role can sign in and
 * sees nothing.</li>
 * </ol>
 *
 * <p>
 * Where the graph is inconsistent the engine fails closed:
 * <ul>
 * <li>a binding whose role the graph does not know grants nothing, yet still counts as a binding at its resource,
 * so it stops the walk; otherwise a deleted role would let an inherited, wider grant through;</li>
 * <li>a role defined in a workspace grants nothing when bound outside that workspace, and likewise still
 * counts;</li>
 * <li>a restriction root or a token's subtree root the graph does not know contains no resource, so everything is
 * denied.</li>
 * </ul>
 * The System Administrator role found in a binding grants everything below that binding like Admin; the
 * instance-wide powers of rule 2 come only from {@link UserAccess#systemAdministrator()}.
 *
 * <p>
 * The evaluator holds nothing but the graph, so it is as thread-safe as the graph is. Neither method copies the
 * graph's lists or uses streams; {@link #allows} builds no decision and no strings, while {@link #check} pays for
 * both.
 */
public final class PolicyEvaluator {

	private final AccessGraph graph;

	private final DecisionSentences sentences;

	public PolicyEvaluator(AccessGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.sentences = new DecisionSentences(graph);
	}

	/**
	 * The same answer as {@link #check}, without building the decision or its sentence: for callers that only
	 * need yes or no, which is most of them.
	 */
	public boolean allows(Subject subject, Permission permission, UUID resourceId) {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(permission, "permission");
		UserAccess user = graph.user(subject.userId());
		List<UUID> path = pathOf(resourceId);
		DecisionReason early = before(subject, user, permission, path, graph.areas());
		if (early != null) {
			return early.allows();
		}
		int at = nearest(user, path);
		return at >= 0 && granting(user, permission, path, at) != null;
	}

	public AccessDecision check(Subject subject, Permission permission, UUID resourceId) {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(permission, "permission");
		UserAccess user = graph.user(subject.userId());
		List<UUID> path = pathOf(resourceId);
		DecisionReason early = before(subject, user, permission, path, graph.areas());
		if (early != null) {
			return new AccessDecision(early.allows(), early, null, List.of(), List.of(),
					DecisionSentences.early(early, subject, user, permission, resourceId));
		}
		int at = nearest(user, path);
		if (at < 0) {
			return new AccessDecision(false, DecisionReason.NO_BINDING, null, List.of(), path, "Denied: neither user "
					+ user.userId() + " nor their groups have a binding at resource " + resourceId + " or above it.");
		}
		UUID resource = path.get(at);
		List<UUID> walked = (at == path.size() - 1) ? path : path.subList(0, at + 1);
		List<Binding> counted = counted(user, path, at);
		Binding granting = granting(user, permission, path, at);
		if (granting == null) {
			return new AccessDecision(false, DecisionReason.DENIED_BY_BINDINGS, resource, counted, walked,
					sentences.denial(user, permission, path, at, counted));
		}
		return new AccessDecision(true, DecisionReason.GRANTED, resource, counted, walked,
				sentences.grant(granting, permission, resource));
	}

	private List<UUID> pathOf(UUID resourceId) {
		List<UUID> path = resourceId == null ? null : graph.pathToRoot(resourceId);
		return path == null ? List.of() : path;
	}

	/** Rules 1 to 3 and the unknowns: the reason that settles the check before bindings, or null to go on. */
	private static DecisionReason before(Subject subject, UserAccess user, Permission permission, List<UUID> path,
			AreaCatalog areas) {
		if (user == null) {
			return DecisionReason.UNKNOWN_USER;
		}
		if (!user.active()) {
			return DecisionReason.INACTIVE_USER;
		}
		if (path.isEmpty()) {
			return DecisionReason.UNKNOWN_RESOURCE;
		}
		if (!areas.declares(permission)) {
			return DecisionReason.UNKNOWN_PERMISSION;
		}
		TokenScope token = subject.tokenScope();
		if (!token.permits(permission) || (token.resourceRoot() != null && !path.contains(token.resourceRoot()))) {
			return DecisionReason.TOKEN_SCOPE;
		}
		if (user.systemAdministrator()) {
			return DecisionReason.SYSTEM_ADMINISTRATOR;
		}
		if (user.restrictionRoot() != null && !path.contains(user.restrictionRoot())) {
			return DecisionReason.OUTSIDE_RESTRICTION;
		}
		return null;
	}

	/** The index in {@code path} of the first resource where the user has anything, or -1. */
	private int nearest(UserAccess user, List<UUID> path) {
		Map<UUID, List<Binding>> byResource = user.bindingsByResource();
		UUID userId = user.userId();
		UUID root = graph.root();
		boolean hasProfiles = !user.groupProfiles().isEmpty();
		for (int at = 0; at < path.size(); at++) {
			UUID resource = path.get(at);
			List<Binding> bindings = byResource.get(resource);
			if ((bindings != null && !bindings.isEmpty()) || userId.equals(graph.owner(resource))
					|| (hasProfiles && resource.equals(root))) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * A binding at {@code path[at]} that grants the permission, or null. Ownership is looked at first because it
	 * grants everything; the synthetic bindings are made only when they are the answer.
	 */
	private Binding granting(UserAccess user, Permission permission, List<UUID> path, int at) {
		UUID resource = path.get(at);
		if (user.userId().equals(graph.owner(resource))) {
			return Binding.ownership(user.userId(), resource);
		}
		List<Binding> bindings = user.bindingsByResource().get(resource);
		if (bindings != null) {
			AreaCatalog areas = graph.areas();
			for (int i = 0; i < bindings.size(); i++) {
				Binding binding = bindings.get(i);
				RoleDefinition role = graph.role(binding.roleId());
				if (role != null && appliesAt(role, path, at) && role.grants(permission, areas)) {
					return binding;
				}
			}
		}
		if (!user.groupProfiles().isEmpty() && resource.equals(graph.root())) {
			for (Map.Entry<UUID, GroupProfile> profile : user.groupProfiles().entrySet()) {
				if (profile.getValue().grants(permission)) {
					return Binding.groupProfile(profile.getKey(), resource);
				}
			}
		}
		return null;
	}

	/** Whether a role is in force at {@code path[at]}: an instance-wide role anywhere, a workspace role inside it. */
	static boolean appliesAt(RoleDefinition role, List<UUID> path, int at) {
		UUID workspace = role.definedAt();
		if (workspace == null) {
			return true;
		}
		for (int i = at; i < path.size(); i++) {
			if (workspace.equals(path.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Every binding at {@code path[at]}: ownership first, then the stored ones, then at the root the group
	 * profiles. The graph's own list unless synthetic bindings join it.
	 */
	private List<Binding> counted(UserAccess user, List<UUID> path, int at) {
		UUID resource = path.get(at);
		List<Binding> bindings = user.bindingsByResource().get(resource);
		if (bindings == null) {
			bindings = List.of();
		}
		boolean owns = user.userId().equals(graph.owner(resource));
		boolean profiles = !user.groupProfiles().isEmpty() && resource.equals(graph.root());
		if (!owns && !profiles) {
			return bindings;
		}
		List<Binding> counted = new ArrayList<>(bindings.size() + 1 + user.groupProfiles().size());
		if (owns) {
			counted.add(Binding.ownership(user.userId(), resource));
		}
		counted.addAll(bindings);
		if (profiles) {
			for (UUID group : user.groupProfiles().keySet()) {
				counted.add(Binding.groupProfile(group, resource));
			}
		}
		return counted;
	}
}
