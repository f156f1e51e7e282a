package io.gatehouse.groups;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.gatehouse.access.Actions;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GroupStore {

	private final JdbcClient jdbc;

	GroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Group> all() {
		Map<UUID, Map<String, Set<String>>> grants = new HashMap<>();
		jdbc.sql("SELECT group_id, area, actions FROM access_group_grant")
			.query((rs, row) -> grants.computeIfAbsent(rs.getObject("group_id", UUID.class), id -> new HashMap<>())
				.put(rs.getString("area"), Actions.parse(rs.getString("actions"))))
			.list();
		return jdbc.sql("""
				SELECT id, name, description, profile_actions, created_at, updated_at, version
				FROM access_group ORDER BY name_normalized""")
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				String actions = rs.getString("profile_actions");
				GroupProfile profile = actions == null ? null
						: new GroupProfile(Actions.parse(actions), grants.getOrDefault(id, Map.of()));
				return new Group(id, rs.getString("name"), rs.getString("description"), profile,
						Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), rs.getLong("version"));
			})
			.list();
	}

	Optional<Group> find(UUID id) {
		return all().stream().filter(group -> group.id().equals(id)).findFirst();
	}

	boolean nameTaken(String name, UUID except) {
		return jdbc.sql("SELECT COUNT(*) FROM access_group WHERE name_normalized = ? AND id <> ?")
			.params(name.toLowerCase(Locale.ROOT), except)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(Group group) {
		jdbc.sql("""
				INSERT INTO access_group (id, name, name_normalized, description, profile_actions, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(group.id(), group.name(), group.name().toLowerCase(Locale.ROOT), group.description(),
					globalActions(group.profile()), Timestamps.of(group.createdAt()), Timestamps.of(group.updatedAt()),
					group.version())
			.update();
		writeGrants(group);
	}

	boolean update(Group group, long expectedVersion) {
		boolean updated = jdbc.sql("""
				UPDATE access_group SET name = ?, name_normalized = ?, description = ?, profile_actions = ?,
				    updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(group.name(), group.name().toLowerCase(Locale.ROOT), group.description(),
					globalActions(group.profile()), Timestamps.of(group.updatedAt()), group.id(), expectedVersion)
			.update() == 1;
		if (updated) {
			jdbc.sql("DELETE FROM access_group_grant WHERE group_id = ?").param(group.id()).update();
			writeGrants(group);
		}
		return updated;
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM access_group WHERE id = ?").param(id).update();
	}

	int bindingCount(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM access_binding WHERE principal_type = 'GROUP' AND principal_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	boolean addMember(UUID groupId, UUID userId, Instant at) {
		if (isMember(groupId, userId)) {
			return false;
		}
		try {
			jdbc.sql("INSERT INTO access_group_member (group_id, user_id, added_at) VALUES (?, ?, ?)")
				.params(groupId, userId, Timestamps.of(at))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// added by a parallel request a moment ago: a member either way, and the change is that request's
			return false;
		}
		return true;
	}

	/** Takes the user out of every group; how many they were in. */
	int removeMemberships(UUID userId) {
		return jdbc.sql("DELETE FROM access_group_member WHERE user_id = ?").param(userId).update();
	}

	boolean removeMember(UUID groupId, UUID userId) {
		return jdbc.sql("DELETE FROM access_group_member WHERE group_id = ? AND user_id = ?")
			.params(groupId, userId)
			.update() == 1;
	}

	boolean isMember(UUID groupId, UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM access_group_member WHERE group_id = ? AND user_id = ?")
			.params(groupId, userId)
			.query(Integer.class)
			.single() > 0;
	}

	List<UUID> members(UUID groupId) {
		return jdbc.sql("SELECT user_id FROM access_group_member WHERE group_id = ? ORDER BY added_at, user_id")
			.param(groupId)
			.query(UUID.class)
			.list();
	}

	List<UUID> groupsOf(UUID userId) {
		return jdbc.sql("SELECT group_id FROM access_group_member WHERE user_id = ?").param(userId).query(UUID.class)
			.list();
	}

	/** The names of the groups of each of these users, alphabetically: one query for a page of the users list. */
	Map<UUID, List<String>> groupNamesOf(java.util.Collection<UUID> userIds) {
		Map<UUID, List<String>> names = new HashMap<>();
		jdbc.sql("""
				SELECT m.user_id, g.name FROM access_group_member m JOIN access_group g ON g.id = m.group_id
				WHERE m.user_id IN (:users) ORDER BY g.name_normalized""")
			.param("users", userIds)
			.query((rs, row) -> names.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> new java.util.ArrayList<>())
				.add(rs.getString("name")))
			.list();
		return names;
	}

	private void writeGrants(Group group) {
		if (group.profile() == null) {
			return;
		}
		group.profile().granular().forEach((area, actions) -> jdbc
			.sql("INSERT INTO access_group_grant (group_id, area, actions) VALUES (?, ?, ?)")
			.params(group.id(), area, String.join(",", new TreeSet<>(actions)))
			.update());
	}

	private static String globalActions(GroupProfile profile) {
		return profile == null ? null : String.join(",", new TreeSet<>(profile.globalActions()));
	}

	static Set<String> split(String value) {
		return value == null || value.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(value.split(",")));
	}
}
