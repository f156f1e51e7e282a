package io.gatehouse.provisioning;

import java.util.Map;

/**
 * What a SCIM filter or sortBy may name, and the SQL column or condition each stands for: users over users_account
 * {@code u} and provisioning_user_profile {@code p}, groups over access_group {@code g} and
 * provisioning_group_profile {@code gp}. Keys are lower case, as SCIM attribute names are case-insensitive.
 */
final class ScimFilterColumns {

	enum Kind { CASE_IGNORED, CASE_EXACT, ACTIVE, TIME, ID, CONSTANT_WORK, CONSTANT_TRUE, MEMBER }

	record Column(String expression, Kind kind) {
	}

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user";

	static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:user";

	static final String GROUP_CORE = "urn:ietf:params:scim:schemas:core:2.0:group";

	/** userName is the provisioned one when there is one, else the username; both columns are lower-cased copies. */
	static final String USER_NAME = "COALESCE(p.user_name_normalized, u.username_normalized)";

	static final Map<String, Column> USERS = Map.ofEntries(
			Map.entry("id", new Column("u.id", Kind.ID)),
			Map.entry("username", new Column(USER_NAME, Kind.CASE_IGNORED)),
			Map.entry("externalid", new Column("u.external_id", Kind.CASE_EXACT)),
			Map.entry("displayname", new Column("LOWER(u.display_name)", Kind.CASE_IGNORED)),
			Map.entry("name.givenname", new Column("u.first_name_normalized", Kind.CASE_IGNORED)),
			Map.entry("name.familyname", new Column("u.last_name_normalized", Kind.CASE_IGNORED)),
			Map.entry("emails", new Column("u.email_normalized", Kind.CASE_IGNORED)),
			Map.entry("emails.value", new Column("u.email_normalized", Kind.CASE_IGNORED)),
			Map.entry("emails.type", new Column("'work'", Kind.CONSTANT_WORK)),
			Map.entry("emails.primary", new Column("TRUE", Kind.CONSTANT_TRUE)),
			Map.entry("timezone", new Column("u.time_zone", Kind.CASE_EXACT)),
			Map.entry("active", new Column("u.status", Kind.ACTIVE)),
			Map.entry("meta.created", new Column("u.created_at", Kind.TIME)),
			Map.entry("meta.lastmodified", new Column("u.updated_at", Kind.TIME)),
			Map.entry(ENTERPRISE + ":department", new Column("LOWER(u.department)", Kind.CASE_IGNORED)),
			Map.entry(ENTERPRISE + ":employeenumber", new Column("p.employee_number", Kind.CASE_EXACT)),
			Map.entry(ENTERPRISE + ":manager", new Column("p.manager_id", Kind.CASE_EXACT)),
			Map.entry(ENTERPRISE + ":manager.value", new Column("p.manager_id", Kind.CASE_EXACT)));

	/** The groups a user is a member of, by the user's id (a member's {@code value}). */
	static final String MEMBER_OF = "g.id IN (SELECT m.group_id FROM access_group_member m WHERE m.user_id = ?)";

	/**
	 * Groups, over access_group {@code g} and provisioning_group_profile {@code gp}; a member is compared by its
	 * {@code value}, the user's id ({@code members[value eq "…"]}, {@code members.value eq "…"}).
	 */
	static final Map<String, Column> GROUPS = Map.ofEntries(
			Map.entry("id", new Column("g.id", Kind.ID)),
			Map.entry("displayname", new Column("g.name_normalized", Kind.CASE_IGNORED)),
			Map.entry("externalid", new Column("gp.external_id", Kind.CASE_EXACT)),
			Map.entry("members", new Column(MEMBER_OF, Kind.MEMBER)),
			Map.entry("members.value", new Column(MEMBER_OF, Kind.MEMBER)),
			Map.entry("meta.created", new Column("g.created_at", Kind.TIME)),
			Map.entry("meta.lastmodified", new Column("g.updated_at", Kind.TIME)));

	private ScimFilterColumns() {
	}
}
