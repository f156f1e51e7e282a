package io.gatehouse.scim;

import jakarta.servlet.http.HttpServletRequest;

import com.unboundid.scim2.common.utils.JsonUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ServiceProviderConfig, ResourceTypes and Schemas (RFC 7643 §5–7): exactly what this server does, nothing it does
 * not. Only the attributes Gatehouse keeps are in the schemas.
 */
@RestController
class ScimDiscoveryController {

	private static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

	@GetMapping("/scim/v2/ServiceProviderConfig")
	ResponseEntity<String> serviceProviderConfig(HttpServletRequest request) {
		ObjectNode node = object();
		node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
		node.putObject("patch").put("supported", true);
		node.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
		node.putObject("filter").put("supported", true).put("maxResults", ScimPages.MAX_COUNT);
		node.putObject("changePassword").put("supported", false);
		node.putObject("sort").put("supported", true);
		node.putObject("etag").put("supported", true);
		node.putArray("authenticationSchemes")
			.addObject()
			.put("type", "oauthbearertoken")
			.put("name", "Bearer token")
			.put("description", "The token of a SCIM client registered in Gatehouse (Settings, SCIM clients).")
			.put("primary", true);
		meta(node, "ServiceProviderConfig", ScimPages.base(request) + "/ServiceProviderConfig");
		return json(node);
	}

	@GetMapping("/scim/v2/ResourceTypes")
	ResponseEntity<String> resourceTypes(HttpServletRequest request) {
		return new ScimPages().list(2, 1, java.util.List.of(userType(request), groupType(request)));
	}

	@GetMapping("/scim/v2/ResourceTypes/{name}")
	ResponseEntity<String> resourceType(@PathVariable String name, HttpServletRequest request) {
		if (name.equals("Group")) {
			return json(groupType(request));
		}
		if (!name.equals("User")) {
			return ScimErrors.response(404, null, "No resource type is called " + name + ".");
		}
		return json(userType(request));
	}

	@GetMapping("/scim/v2/Schemas")
	ResponseEntity<String> schemas(HttpServletRequest request) {
		return new ScimPages().list(3, 1,
				java.util.List.of(userSchema(request), enterpriseSchema(request), groupSchema(request)));
	}

	@GetMapping("/scim/v2/Schemas/{id}")
	ResponseEntity<String> schema(@PathVariable String id, HttpServletRequest request) {
		if (id.equals(ScimUserJson.CORE)) {
			return json(userSchema(request));
		}
		if (id.equals(ScimUserJson.ENTERPRISE)) {
			return json(enterpriseSchema(request));
		}
		if (id.equals(ScimGroupJson.CORE)) {
			return json(groupSchema(request));
		}
		return ScimErrors.response(404, null, "No schema has the id " + id + ".");
	}

	private static ObjectNode userType(HttpServletRequest request) {
		ObjectNode node = object();
		node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
		node.put("id", "User").put("name", "User").put("endpoint", "/Users").put("description", "Gatehouse users");
		node.put("schema", ScimUserJson.CORE);
		node.putArray("schemaExtensions").addObject().put("schema", ScimUserJson.ENTERPRISE).put("required", false);
		meta(node, "ResourceType", ScimPages.base(request) + "/ResourceTypes/User");
		return node;
	}

	/** Any other path under /scim: a SCIM 404, not the API's problem details. */
	@org.springframework.web.bind.annotation.RequestMapping("/scim/**")
	ResponseEntity<String> unknown(HttpServletRequest request) {
		return ScimErrors.response(404, null, "There is no SCIM endpoint at " + request.getRequestURI() + ".");
	}

	private static ObjectNode groupType(HttpServletRequest request) {
		ObjectNode node = object();
		node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
		node.put("id", "Group").put("name", "Group").put("endpoint", "/Groups")
			.put("description", "Gatehouse groups: members here, roles and permission profile in Gatehouse");
		node.put("schema", ScimGroupJson.CORE);
		node.putArray("schemaExtensions");
		meta(node, "ResourceType", ScimPages.base(request) + "/ResourceTypes/Group");
		return node;
	}

	private static ObjectNode groupSchema(HttpServletRequest request) {
		ObjectNode node = schemaNode(ScimGroupJson.CORE, "Group", "Group");
		ArrayNode attributes = node.putArray("attributes");
		attribute(attributes, "displayName", "string", false, true, "readWrite", "server");
		ObjectNode members = attribute(attributes, "members", "complex", true, false, "readWrite", "none")
			.put("description", "Users only; groups are not nested.");
		ArrayNode parts = members.putArray("subAttributes");
		attribute(parts, "value", "string", false, true, "immutable", "none");
		attribute(parts, "$ref", "reference", false, false, "immutable", "none");
		attribute(parts, "type", "string", false, false, "immutable", "none");
		meta(node, "Schema", ScimPages.base(request) + "/Schemas/" + ScimGroupJson.CORE);
		return node;
	}

	private static ObjectNode userSchema(HttpServletRequest request) {
		ObjectNode node = schemaNode(ScimUserJson.CORE, "User", "User Account");
		ArrayNode attributes = node.putArray("attributes");
		attribute(attributes, "userName", "string", false, true, "readWrite", "server")
			.put("description", "Unique identifier for the user; fixed once created.");
		ObjectNode name = attribute(attributes, "name", "complex", false, false, "readWrite", "none");
		ArrayNode nameParts = name.putArray("subAttributes");
		attribute(nameParts, "givenName", "string", false, false, "readWrite", "none");
		attribute(nameParts, "familyName", "string", false, false, "readWrite", "none");
		attribute(nameParts, "formatted", "string", false, false, "readOnly", "none");
		attribute(attributes, "displayName", "string", false, false, "readWrite", "none");
		attribute(attributes, "timezone", "string", false, false, "readWrite", "none")
			.put("description", "An IANA time zone, like Europe/Paris.");
		attribute(attributes, "active", "boolean", false, false, "readWrite", "none");
		attribute(attributes, "password", "string", false, false, "writeOnly", "none")
			.put("returned", "never")
			.put("description", "Only on creation, and only while local sign-in is allowed.");
		ObjectNode emails = attribute(attributes, "emails", "complex", true, true, "readWrite", "none")
			.put("description", "Gatehouse keeps one email: the primary one, else the work one, else the first.");
		ArrayNode emailParts = emails.putArray("subAttributes");
		attribute(emailParts, "value", "string", false, true, "readWrite", "server");
		attribute(emailParts, "type", "string", false, false, "readOnly", "none");
		attribute(emailParts, "primary", "boolean", false, false, "readOnly", "none");
		meta(node, "Schema", ScimPages.base(request) + "/Schemas/" + ScimUserJson.CORE);
		return node;
	}

	private static ObjectNode enterpriseSchema(HttpServletRequest request) {
		ObjectNode node = schemaNode(ScimUserJson.ENTERPRISE, "EnterpriseUser", "Enterprise User");
		ArrayNode attributes = node.putArray("attributes");
		attribute(attributes, "employeeNumber", "string", false, false, "readWrite", "none");
		attribute(attributes, "department", "string", false, false, "readWrite", "none");
		ObjectNode manager = attribute(attributes, "manager", "complex", false, false, "readWrite", "none");
		attribute(manager.putArray("subAttributes"), "value", "string", false, false, "readWrite", "none")
			.put("description", "The id of the user's manager, kept as the client sends it.");
		meta(node, "Schema", ScimPages.base(request) + "/Schemas/" + ScimUserJson.ENTERPRISE);
		return node;
	}

	private static ObjectNode schemaNode(String id, String name, String description) {
		ObjectNode node = object();
		node.putArray("schemas").add(SCHEMA);
		node.put("id", id).put("name", name).put("description", description);
		return node;
	}

	private static ObjectNode attribute(ArrayNode attributes, String name, String type, boolean multiValued,
			boolean required, String mutability, String uniqueness) {
		return attributes.addObject()
			.put("name", name)
			.put("type", type)
			.put("multiValued", multiValued)
			.put("required", required)
			.put("caseExact", false)
			.put("mutability", mutability)
			.put("returned", "default")
			.put("uniqueness", uniqueness);
	}

	private static void meta(ObjectNode node, String resourceType, String location) {
		node.putObject("meta").put("resourceType", resourceType).put("location", location);
	}

	private static ObjectNode object() {
		return JsonUtils.getJsonNodeFactory().objectNode();
	}

	private static ResponseEntity<String> json(ObjectNode node) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, ScimErrors.MEDIA_TYPE)
			.body(JsonUtils.getObjectWriter().writeValueAsString(node));
	}
}
