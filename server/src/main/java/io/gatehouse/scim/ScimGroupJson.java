package io.gatehouse.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.gatehouse.provisioning.ProvisionedGroup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A group as SCIM JSON (core Group schema), and back. */
final class ScimGroupJson {

	static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";

	private static final Set<String> KNOWN = Set.of("schemas", "id", "externalid", "displayname", "members", "meta");

	/** @param externalId null when the client sent none */
	record State(String displayName, String externalId, List<UUID> members) {
	}

	private ScimGroupJson() {
	}

	static ObjectNode toNode(ProvisionedGroup provisioned, String base) {
		ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
		node.putArray("schemas").add(CORE);
		node.put("id", provisioned.group().id().toString());
		if (provisioned.externalId() != null) {
			node.put("externalId", provisioned.externalId());
		}
		node.put("displayName", provisioned.group().name());
		ArrayNode members = node.putArray("members");
		for (UUID member : provisioned.members()) {
			members.addObject().put("value", member.toString()).put("$ref", base + "/Users/" + member).put("type", "User");
		}
		ObjectNode meta = node.putObject("meta");
		meta.put("resourceType", "Group");
		meta.put("created", provisioned.group().createdAt().toString());
		meta.put("lastModified", provisioned.group().updatedAt().toString());
		meta.put("location", base + "/Groups/" + provisioned.group().id());
		meta.put("version", provisioned.version());
		return node;
	}

	static State fromNode(JsonNode body) throws BadRequestException {
		if (!(body instanceof ObjectNode node)) {
			throw BadRequestException.invalidSyntax("A group is a JSON object.");
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!KNOWN.contains(field.getKey().toLowerCase(Locale.ROOT))) {
				throw BadRequestException.invalidValue("Groups have no attribute '" + field.getKey() + "'.");
			}
		}
		JsonNode name = node.get("displayName");
		if (name == null || !name.isString() || name.asString().isBlank()) {
			throw BadRequestException.invalidValue("displayName is required.");
		}
		List<UUID> members = new ArrayList<>();
		JsonNode list = node.get("members");
		if (list != null && !list.isNull()) {
			if (!list.isArray()) {
				throw BadRequestException.invalidValue("members is a list of objects with a value.");
			}
			for (JsonNode member : list) {
				JsonNode value = member.isObject() ? member.get("value") : null;
				if (value == null || !value.isString()) {
					throw BadRequestException.invalidValue("Each member has the id of a user as its value.");
				}
				members.add(ScimPages.uuid(value.asString())
					.orElseThrow(() -> BadRequestException.invalidValue("No user has the id " + value.asString() + ".")));
			}
		}
		JsonNode externalId = node.get("externalId");
		if (externalId != null && !externalId.isNull() && !externalId.isString()) {
			throw BadRequestException.invalidValue("externalId is a string.");
		}
		return new State(name.asString().strip(),
				externalId == null || externalId.isNull() ? null : externalId.asString(), members);
	}
}
