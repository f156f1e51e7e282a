package io.gatehouse.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM PATCH applied by the SDK to a resource's current JSON. Before that, the request is brought to the RFC's shape
 * where Entra ID departs from it: operation names capitalised ({@code Replace}), and a path-less value whose keys are
 * dotted sub-attributes ({@code name.givenName}) or carry the extension's URN ({@code urn:…:User:department}).
 */
final class ScimPatch {

	private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private ScimPatch() {
	}

	static ObjectNode apply(ObjectNode current, JsonNode body) throws ScimException {
		if (!(body instanceof ObjectNode request) || !(request.get("Operations") instanceof tools.jackson.databind.node.ArrayNode operations)) {
			throw BadRequestException.invalidSyntax("A PATCH body is a PatchOp message with a list of Operations.");
		}
		JsonNode schemas = request.get("schemas");
		if (schemas != null && (!schemas.isArray() || schemas.size() != 1
				|| !PATCH_OP.equalsIgnoreCase(schemas.get(0).asString("")))) {
			throw BadRequestException.invalidValue("A PATCH body has the schema " + PATCH_OP + ".");
		}
		splitMultiValueRemovals(operations);
		for (JsonNode operation : operations) {
			if (!(operation instanceof ObjectNode op)) {
				throw BadRequestException.invalidSyntax("Each operation is an object.");
			}
			JsonNode name = op.get("op");
			if (name == null || !name.isString()) {
				throw BadRequestException.invalidSyntax("Each operation names its op: add, replace or remove.");
			}
			op.put("op", name.asString().toLowerCase(Locale.ROOT));
			JsonNode value = op.get("value");
			if ((op.get("path") == null || op.get("path").isNull()) && value instanceof ObjectNode values) {
				op.set("value", expand(values));
			}
		}
		PatchRequest patch;
		try {
			patch = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(request);
		}
		catch (JacksonException ex) {
			throw BadRequestException.invalidSyntax("The PATCH operations cannot be read: each has an op "
					+ "(add, replace or remove), a valid path where one is needed, and a value where one is needed.");
		}
		GenericScimResource resource = new GenericScimResource(current.deepCopy());
		return patch.apply(resource).getObjectNode();
	}

	/**
	 * Entra ID removes members as {@code {"op":"Remove","path":"members","value":[{"value":"id"}]}}: the RFC has no
	 * value on a remove, and the SDK would empty the attribute. It means {@code members[value eq "id"]} for each.
	 */
	private static void splitMultiValueRemovals(tools.jackson.databind.node.ArrayNode operations) throws BadRequestException {
		for (int i = operations.size() - 1; i >= 0; i--) {
			if (!(operations.get(i) instanceof ObjectNode op) || !"remove".equalsIgnoreCase(op.path("op").asString(""))
					|| !(op.get("value") instanceof tools.jackson.databind.node.ArrayNode values)
					|| !(op.get("path") != null && op.get("path").isString())
					|| op.get("path").asString().contains("[")) {
				continue;
			}
			String path = op.get("path").asString();
			operations.remove(i);
			int at = i;
			for (JsonNode value : values) {
				JsonNode id = value.isObject() ? value.get("value") : value;
				if (id == null || !id.isString() || id.asString().contains("\"")) {
					throw BadRequestException.invalidValue("A removal by value names each value as a string.");
				}
				ObjectNode single = JsonUtils.getJsonNodeFactory().objectNode();
				single.put("op", "remove");
				single.put("path", path + "[value eq \"" + id.asString() + "\"]");
				operations.insert(at++, single);
			}
		}
	}

	/** {@code {"name.givenName": "A", "urn:…:User:department": "B"}} becomes {@code {"name": {"givenName": "A"}, "urn:…:User": {"department": "B"}}}. */
	private static ObjectNode expand(ObjectNode values) {
		ObjectNode expanded = JsonUtils.getJsonNodeFactory().objectNode();
		List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(values.properties());
		for (Map.Entry<String, JsonNode> entry : entries) {
			String key = entry.getKey();
			ObjectNode target = expanded;
			if (key.regionMatches(true, 0, ScimUserJson.ENTERPRISE + ":", 0, ScimUserJson.ENTERPRISE.length() + 1)) {
				target = child(expanded, ScimUserJson.ENTERPRISE);
				key = key.substring(ScimUserJson.ENTERPRISE.length() + 1);
			}
			else if (key.regionMatches(true, 0, ScimUserJson.CORE + ":", 0, ScimUserJson.CORE.length() + 1)) {
				key = key.substring(ScimUserJson.CORE.length() + 1);
			}
			int dot = key.indexOf('.');
			if (dot > 0 && !key.startsWith("urn:")) {
				target = child(target, key.substring(0, dot));
				key = key.substring(dot + 1);
			}
			if (entry.getValue() instanceof ObjectNode nested && target.get(key) instanceof ObjectNode existing) {
				existing.setAll(nested);
			}
			else {
				target.set(key, entry.getValue());
			}
		}
		return expanded;
	}

	private static ObjectNode child(ObjectNode parent, String name) {
		JsonNode existing = parent.get(name);
		if (existing instanceof ObjectNode object) {
			return object;
		}
		return parent.putObject(name);
	}
}
