package io.gatehouse.api.escalation;

/**
 * The kinds of caller the escalation test acts as: from everything down to a narrow delegated role, each with what
 * makes it that kind in {@link EscalationWorld}.
 */
enum ActorKind {

	/** Bound to System Administrator at the instance. */
	SYSTEM_ADMINISTRATOR,

	/** Admin at the instance. */
	INSTANCE_ADMIN,

	/** Admin of one workspace. */
	WORKSPACE_ADMIN,

	/** Editor at the instance. */
	EDITOR,

	/** A custom role with only {@code users:update}, at the instance: a help desk. */
	USERS_UPDATE_ROLE,

	/** A member of a group whose permission profile manages users and groups. */
	PROFILE_MEMBER,

	/** An instance Admin's token limited to the administrative areas of users, groups, roles, resources and tokens. */
	SCOPED_TOKEN
}
