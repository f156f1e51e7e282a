package io.gatehouse.api.fuzz;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real things for the fuzzer to aim at, so that malformed input reaches the domain code instead of stopping at a
 * 404: a path parameter gets the id of a thing of its kind (named by the path segment before it), a body field a
 * plausible value (named by the field). Anything not known here gets a value from its schema's type.
 */
record Fixtures(String userId, String groupId, String roleId, String resourceId, String bindingId, String invitationId,
		String ownSessionId, String ownTokenId, String userTokenId, String area, String resourceType, String address) {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	/** The real value for {@code {name}} in {@code path}; an unknown kind gets a random id. */
	String pathValue(String path, String name) {
		String before = path.substring(0, path.indexOf("{" + name + "}"));
		String[] segments = before.split("/");
		String kind = segments.length == 0 ? "" : segments[segments.length - 1];
		boolean mine = path.startsWith("/api/v1/me/");
		return switch (kind) {
			case "users", "members" -> userId;
			case "groups" -> groupId;
			case "roles" -> roleId;
			case "resources" -> resourceId;
			case "bindings" -> bindingId;
			case "invitations" -> invitationId;
			case "sessions" -> mine ? ownSessionId : UUID.randomUUID().toString();
			case "tokens" -> mine ? ownTokenId : userTokenId;
			case "permissions" -> area;
			case "resource-types" -> resourceType;
			case "addresses" -> address;
			default -> UUID.randomUUID().toString();
		};
	}

	/**
	 * Other real things of the kind, which the domain treats apart: the instance at the root of the resource tree, a
	 * built-in role.
	 */
	List<String> alternatives(String path, String name) {
		String before = path.substring(0, path.indexOf("{" + name + "}"));
		if (before.endsWith("/resources/")) {
			return List.of(Resources.INSTANCE.toString());
		}
		if (before.endsWith("/roles/")) {
			return List.of(BuiltInRoles.VIEWER.toString());
		}
		return List.of();
	}

	/** A value of the field that the server could accept, so that a mutation of one field is the only fault. */
	JsonNode plausible(String field, JsonNode schema) {
		JsonMapper json = JsonMapper.shared();
		int n = SERIAL.incrementAndGet();
		return switch (field == null ? "" : field) {
			case "email" -> json.getNodeFactory().stringNode("fuzz" + n + "@example.com");
			case "username", "name" -> json.getNodeFactory().stringNode("fuzz" + n);
			case "login" -> json.getNodeFactory().stringNode("fuzz-nobody");
			case "password", "newPassword", "confirmPassword", "currentPassword" ->
				json.getNodeFactory().stringNode("Correct-Horse-7");
			case "timeZone" -> json.getNodeFactory().stringNode("Europe/Paris");
			case "groups" -> array(groupId);
			case "roles" -> array(roleId);
			case "roleId" -> json.getNodeFactory().stringNode(roleId);
			case "resourceId", "parentId", "resource", "definedAt" -> json.getNodeFactory().stringNode(resourceId);
			case "ownerId", "principalId", "user", "userId" -> json.getNodeFactory().stringNode(userId);
			case "principalType" -> json.getNodeFactory().stringNode("user");
			case "policy" -> json.getNodeFactory().stringNode("read");
			case "type" -> json.getNodeFactory().stringNode("workspace");
			case "permission" -> json.getNodeFactory().stringNode("users:read");
			case "permissions" -> array("users:read");
			case "actions", "globalActions" -> array("read");
			case "area" -> json.getNodeFactory().stringNode("fuzzarea" + n);
			case "granular" -> json.createObjectNode().set("users", array("read"));
			case "rules" -> array("203.0.113.0/24");
			case "code" -> json.getNodeFactory().stringNode("123456");
			case "expiresAt" -> json.getNodeFactory().stringNode(Instant.now().plusSeconds(86_400 * 30).toString());
			case "administrative", "neverExpires", "mustChangePassword" -> json.getNodeFactory().booleanNode(false);
			default -> fromSchema(schema);
		};
	}

	/** A value of the schema's type, with plausible fields for an object's properties. */
	JsonNode fromSchema(JsonNode schema) {
		JsonMapper json = JsonMapper.shared();
		if (schema == null) {
			return json.getNodeFactory().stringNode("fuzz");
		}
		String type = schema.path("type").asString("");
		switch (type) {
			case "object": {
				ObjectNode object = json.createObjectNode();
				for (var property : schema.path("properties").properties()) {
					object.set(property.getKey(), plausible(property.getKey(), property.getValue()));
				}
				return object;
			}
			case "array": {
				ArrayNode array = json.createArrayNode();
				array.add(fromSchema(schema.get("items")));
				return array;
			}
			case "boolean":
				return json.getNodeFactory().booleanNode(true);
			case "integer":
			case "number":
				return json.getNodeFactory().numberNode(1);
			default:
				String format = schema.path("format").asString("");
				if (format.equals("uuid")) {
					return json.getNodeFactory().stringNode(UUID.randomUUID().toString());
				}
				if (format.equals("date-time")) {
					return json.getNodeFactory().stringNode(Instant.now().plusSeconds(86_400).toString());
				}
				return json.getNodeFactory().stringNode("fuzz");
		}
	}

	/** A plausible value for a query parameter, as text. */
	String queryValue(String name) {
		return switch (name) {
			case "status" -> "active";
			case "group" -> groupId;
			case "role" -> roleId;
			case "targetId" -> userId;
			case "targetType" -> "user";
			case "outcome" -> "success";
			case "action" -> "user.*";
			case "sort" -> "-createdAt";
			case "from", "to" -> Instant.now().toString();
			case "limit", "dormantDays" -> "10";
			default -> "fuzz";
		};
	}

	static String upper(String text) {
		return text.toUpperCase(Locale.ROOT);
	}

	private static ArrayNode array(String... items) {
		ArrayNode array = JsonMapper.shared().createArrayNode();
		for (String item : items) {
			array.add(item);
		}
		return array;
	}
}
