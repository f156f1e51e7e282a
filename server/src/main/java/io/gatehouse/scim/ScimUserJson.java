package io.gatehouse.scim;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.gatehouse.provisioning.ProvisionedUser;
import io.gatehouse.provisioning.ScimUserState;
import io.gatehouse.users.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A user as SCIM JSON (core User schema and the enterprise extension), and back. */
final class ScimUserJson {

	static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	/**
	 * Core attributes Gatehouse accepts without keeping (Entra ID and Okta send several by default): a request that
	 * carries them is not refused, and the Schemas endpoint does not claim them.
	 */
	private static final Set<String> IGNORED = Set.of("nickname", "profileurl", "title", "usertype",
			"preferredlanguage", "locale", "phonenumbers", "ims", "photos", "addresses", "x509certificates", "groups",
			"meta", "id");

	private static final Set<String> KEPT = Set.of("schemas", "externalid", "username", "name", "displayname",
			"timezone", "active", "password", "emails", ENTERPRISE.toLowerCase(Locale.ROOT));

	private ScimUserJson() {
	}

	static ObjectNode toNode(ProvisionedUser provisioned, String location) {
		JsonNodeFactory nodes = JsonUtils.getJsonNodeFactory();
		User user = provisioned.user();
		ObjectNode node = nodes.objectNode();
		ArrayNode schemas = node.putArray("schemas").add(CORE);
		node.put("id", user.id().toString());
		putIfPresent(node, "externalId", user.externalId());
		node.put("userName", provisioned.userName());
		if (user.firstName() != null || user.lastName() != null) {
			ObjectNode name = node.putObject("name");
			putIfPresent(name, "givenName", user.firstName());
			putIfPresent(name, "familyName", user.lastName());
			String formatted = ((user.firstName() == null ? "" : user.firstName()) + " "
					+ (user.lastName() == null ? "" : user.lastName())).strip();
			name.put("formatted", formatted);
		}
		putIfPresent(node, "displayName", user.displayName());
		putIfPresent(node, "timezone", user.timeZone());
		node.put("active", user.isActive());
		ObjectNode email = node.putArray("emails").addObject();
		email.put("value", user.email());
		email.put("type", "work");
		email.put("primary", true);
		if (user.department() != null || provisioned.profile().employeeNumber() != null
				|| provisioned.profile().managerId() != null) {
			schemas.add(ENTERPRISE);
			ObjectNode enterprise = node.putObject(ENTERPRISE);
			putIfPresent(enterprise, "employeeNumber", provisioned.profile().employeeNumber());
			putIfPresent(enterprise, "department", user.department());
			if (provisioned.profile().managerId() != null) {
				enterprise.putObject("manager").put("value", provisioned.profile().managerId());
			}
		}
		ObjectNode meta = node.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("created", user.createdAt().toString());
		meta.put("lastModified", user.updatedAt().toString());
		meta.put("location", location);
		meta.put("version", provisioned.version());
		return node;
	}

	/** Reads a whole user (a POST or PUT body, or a PATCH applied), refusing what Gatehouse cannot honour. */
	static ScimUserState fromNode(JsonNode body) throws BadRequestException {
		if (!(body instanceof ObjectNode node)) {
			throw BadRequestException.invalidSyntax("A user is a JSON object.");
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String key = field.getKey().toLowerCase(Locale.ROOT);
			if (key.equals("roles") || key.equals("entitlements")) {
				if (!JsonUtils.isNullNodeOrEmptyArray(field.getValue())) {
					throw BadRequestException.mutability(
							"Roles are granted in Gatehouse (through groups), never by a SCIM client.");
				}
			}
			else if (!KEPT.contains(key) && !IGNORED.contains(key)) {
				throw BadRequestException.invalidValue("Users have no attribute '" + field.getKey() + "'.");
			}
		}
		JsonNode schemas = node.get("schemas");
		if (schemas != null && schemas.isArray()) {
			for (JsonNode schema : schemas) {
				if (!schema.isString() || !(schema.asString().equalsIgnoreCase(CORE)
						|| schema.asString().equalsIgnoreCase(ENTERPRISE))) {
					throw BadRequestException.invalidValue("Unknown schema: " + schema);
				}
			}
		}
		JsonNode name = object(node, "name");
		JsonNode enterprise = object(node, ENTERPRISE);
		JsonNode manager = enterprise == null ? null : enterprise.get("manager");
		String managerId = manager == null ? null : manager.isObject() ? text(manager, "value") : scalar(manager, "manager");
		return new ScimUserState(text(node, "userName"), email(node.get("emails")), text(name, "givenName"),
				text(name, "familyName"), text(node, "displayName"), text(node, "timezone"), text(node, "externalId"),
				active(node.get("active")), text(enterprise, "department"), text(enterprise, "employeeNumber"),
				managerId, text(node, "password"));
	}

	/** Entra ID sends active as the string "True" or "False". */
	private static boolean active(JsonNode value) throws BadRequestException {
		if (value == null || value.isNull()) {
			return true;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isString() && (value.asString().equalsIgnoreCase("true") || value.asString().equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(value.asString().toLowerCase(Locale.ROOT));
		}
		throw BadRequestException.invalidValue("active is true or false.");
	}

	/** The one email Gatehouse keeps: the primary one, else the work one, else the first. */
	private static String email(JsonNode emails) throws BadRequestException {
		if (emails == null || emails.isNull()) {
			return null;
		}
		if (!emails.isArray()) {
			throw BadRequestException.invalidValue("emails is a list of objects with a value.");
		}
		JsonNode chosen = null;
		int rank = 0;
		for (JsonNode email : emails) {
			if (!email.isObject()) {
				throw BadRequestException.invalidValue("emails is a list of objects with a value.");
			}
			int score = email.path("primary").asBoolean(false) || "true".equalsIgnoreCase(email.path("primary").asString(""))
					? 3 : "work".equalsIgnoreCase(email.path("type").asString("")) ? 2 : 1;
			if (score > rank) {
				chosen = email;
				rank = score;
			}
		}
		return chosen == null ? null : text(chosen, "value");
	}

	private static JsonNode object(JsonNode node, String field) throws BadRequestException {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw BadRequestException.invalidValue(field + " is an object.");
		}
		return value;
	}

	private static String text(JsonNode node, String field) throws BadRequestException {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : scalar(value, field);
	}

	private static String scalar(JsonNode value, String field) throws BadRequestException {
		if (!value.isValueNode()) {
			throw BadRequestException.invalidValue(field + " is a single value.");
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}
}
