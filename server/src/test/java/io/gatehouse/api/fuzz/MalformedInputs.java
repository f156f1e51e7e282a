package io.gatehouse.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.api.fuzz.OpenApiOperations.Operation;
import io.gatehouse.api.fuzz.OpenApiOperations.Parameter;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed requests made of one operation: each is the plausible request with one thing wrong (a path or query
 * value, a header, the content type, the body as a whole, or one field of it), so that every fault meets the code
 * that must refuse it.
 */
final class MalformedInputs {

	private static final JsonNodeFactory NODES = JsonMapper.shared().getNodeFactory();

	static final String LONG = "x".repeat(256);

	static final String HUGE = "x".repeat(100_000);

	private static final List<String> CONTENT_TYPES = List.of("application/*", "*/*", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "not a type",
			"application/json;charset=ISO-8859-1", "application/merge-patch+json", "APPLICATION/JSON");

	private static final List<String> WHOLE_BODIES = List.of("", "null", "[]", "{}", "\"x\"", "5", "{", "{\"a\":}",
			"[".repeat(3000) + "]".repeat(3000), "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001));

	private final Operation operation;

	private final Fixtures fixtures;

	private final String path;

	MalformedInputs(Operation operation, Fixtures fixtures) {
		this.operation = operation;
		this.fixtures = fixtures;
		String concrete = operation.path();
		for (Parameter parameter : operation.in("path")) {
			concrete = concrete.replace("{" + parameter.name() + "}",
					encode(fixtures.pathValue(operation.path(), parameter.name())));
		}
		this.path = concrete;
	}

	/** The request every variant departs from: real ids, a plausible body. */
	FuzzRequest plausible(JsonNode body) {
		return body(body == null ? null : body.toString(), "plausible", mainType());
	}

	List<FuzzRequest> ofPathAndQuery() {
		List<FuzzRequest> requests = new ArrayList<>();
		for (Parameter parameter : operation.in("path")) {
			String real = fixtures.pathValue(operation.path(), parameter.name());
			List<String[]> values = List.of(new String[] { "not-a-uuid", encode("not-a-uuid") },
					new String[] { "nil uuid", new UUID(0, 0).toString() },
					new String[] { "unknown uuid", UUID.randomUUID().toString() }, new String[] { "-1", "-1" },
					new String[] { "upper case", encode(Fixtures.upper(real)) }, new String[] { "256", LONG },
					new String[] { "4000", "x".repeat(4000) }, new String[] { "unicode", encode("é😀") },
					new String[] { "space", encode("a b") }, new String[] { "NUL", "a%00b" },
					new String[] { "newline", "a%0Ab" }, new String[] { "encoded slash", "a%2Fb" },
					new String[] { "encoded dots", "%2e%2e" }, new String[] { "matrix", encode(real) + ";x=1" },
					new String[] { "bad escape", "a%ZZb" }, new String[] { "backslash", "a\\b" });
			List<String[]> all = new ArrayList<>(values);
			for (String other : fixtures.alternatives(operation.path(), parameter.name())) {
				all.add(new String[] { "another real one", other });
			}
			for (String[] value : all) {
				String target = operation.path();
				for (Parameter other : operation.in("path")) {
					target = target.replace("{" + other.name() + "}", other == parameter ? value[1]
							: encode(fixtures.pathValue(operation.path(), other.name())));
				}
				boolean raw = value[1].contains("%ZZ") || value[1].contains("\\");
				requests.add(new FuzzRequest("path " + parameter.name() + " " + value[0], operation.method(), target,
						raw, bodyType(), plausibleBytes(), null));
			}
		}
		for (Parameter parameter : operation.in("query")) {
			String plausible = fixtures.queryValue(parameter.name());
			List<String> values = List.of(encode(plausible), encode(Fixtures.upper(plausible)), "", LONG,
					"x".repeat(4000), "-1", "0", "99999999999999999999", "1.5", "true", "not-a-uuid", "a%00b", "%0A",
					encode("é😀"), "a%ZZb", encode(plausible) + "&" + parameter.name() + "=" + encode(plausible));
			for (String value : values) {
				requests.add(new FuzzRequest("query " + parameter.name(), operation.method(),
						path + "?" + parameter.name() + "=" + value, value.contains("%ZZ"), bodyType(), plausibleBytes(),
						null));
			}
		}
		for (Parameter parameter : operation.in("header")) {
			for (String value : List.of("garbage", "\"abc\"", "W/\"1\"", "*", "\"99999999999999999999\"", "\"-1\"")) {
				requests.add(new FuzzRequest("header " + parameter.name(), operation.method(), path, false, bodyType(),
						plausibleBytes(), value));
			}
		}
		return requests;
	}

	/** The body as a whole: not JSON, not an object, nested too deep; other content types; an unknown field. */
	List<FuzzRequest> ofBodyAsAWhole(JsonNode plausible) {
		List<FuzzRequest> requests = new ArrayList<>();
		if (operation.body() == null) {
			requests.add(body("{\"unexpected\":true}", "unexpected body", "application/json"));
			return requests;
		}
		requests.add(body(null, "no body", mainType()));
		WHOLE_BODIES.forEach(text -> requests.add(body(text, "whole body", mainType())));
		CONTENT_TYPES.forEach(type -> requests.add(body(plausible.toString(), "content type", type)));
		requests.add(body(plausible.toString(), "no content type", null));
		if (plausible instanceof ObjectNode object) {
			ObjectNode unknown = object.deepCopy();
			unknown.put("zzUnknownField", "x");
			requests.add(body(unknown.toString(), "unknown field", mainType()));
			if (!object.isEmpty()) {
				String first = object.propertyNames().iterator().next();
				String text = object.toString();
				requests.add(body("{" + NODES.stringNode(first) + ":" + object.get(first) + "," + text.substring(1),
						"duplicate key " + first, mainType()));
			}
		}
		return requests;
	}

	/** One field at a time, at any depth: the wrong type, null, long text, control characters, upper case... */
	List<FuzzRequest> ofFields(JsonNode plausible, List<String> freeFormKeys) {
		List<FuzzRequest> requests = new ArrayList<>();
		if (!(plausible instanceof ObjectNode object)) {
			return requests;
		}
		for (String key : freeFormKeys) {
			for (JsonNode value : values(null, NODES.stringNode("fuzz"))) {
				ObjectNode copy = object.deepCopy();
				copy.set(key, value);
				requests.add(body(copy.toString(), "free-form field " + key, mainType()));
			}
		}
		mutate(object, operation.body(), object, "", requests, 0);
		return requests;
	}

	private void mutate(ObjectNode root, JsonNode schema, ObjectNode at, String where, List<FuzzRequest> requests,
			int depth) {
		JsonNode properties = schema == null ? null : schema.get("properties");
		for (String key : List.copyOf(at.propertyNames())) {
			JsonNode fieldSchema = properties == null ? null : properties.get(key);
			JsonNode original = at.get(key);
			for (JsonNode value : values(fieldSchema, original)) {
				at.set(key, value);
				requests.add(body(root.toString(), "field " + where + key, mainType()));
			}
			at.set(key, original);
			if (depth < 2 && original instanceof ObjectNode nested) {
				mutate(root, fieldSchema, nested, where + key + ".", requests, depth + 1);
			}
			if (depth < 2 && original instanceof ArrayNode items && items.size() > 0
					&& items.get(0) instanceof ObjectNode item) {
				mutate(root, fieldSchema == null ? null : fieldSchema.get("items"), item, where + key + "[0].",
						requests, depth + 1);
			}
		}
	}

	/** The wrong values for a field of this schema whose plausible value is {@code original}. */
	static List<JsonNode> values(JsonNode schema, JsonNode original) {
		List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.numberNode(5), NODES.numberNode(-1),
				NODES.numberNode(1.5), NODES.booleanNode(true), NODES.numberNode(new java.math.BigInteger("9".repeat(30))),
				NODES.stringNode(""), NODES.stringNode(" "), NODES.stringNode(LONG), NODES.stringNode(HUGE),
				NODES.stringNode("a\u0000b"), NODES.stringNode("\u001b[2J"), NODES.stringNode("line\nbreak"),
				NODES.stringNode("é😀"), NODES.stringNode("not-a-uuid"), JsonMapper.shared().createArrayNode(),
				JsonMapper.shared().createArrayNode().addNull(), JsonMapper.shared().createObjectNode(),
				JsonMapper.shared().createObjectNode().putNull("x")));
		if (original != null && original.isString()) {
			values.add(NODES.stringNode(Fixtures.upper(original.asString())));
		}
		if (original instanceof ArrayNode array) {
			JsonNode item = array.isEmpty() ? NODES.stringNode("x") : array.get(0);
			ArrayNode many = JsonMapper.shared().createArrayNode();
			for (int i = 0; i < 600; i++) {
				many.add(item.deepCopy());
			}
			values.addAll(List.of(JsonMapper.shared().createArrayNode().add(5),
					JsonMapper.shared().createArrayNode().add(JsonMapper.shared().createArrayNode()),
					JsonMapper.shared().createArrayNode().add(JsonMapper.shared().createObjectNode()),
					JsonMapper.shared().createArrayNode().add(LONG), many,
					JsonMapper.shared().createArrayNode().addNull().add(item.deepCopy())));
			if (item.isString()) {
				values.add(JsonMapper.shared().createArrayNode().add(Fixtures.upper(item.asString())));
			}
		}
		boolean map = schema != null && schema.path("additionalProperties").isObject();
		if (map || (original instanceof ObjectNode && schema == null)) {
			for (Map.Entry<String, JsonNode> entry : Map.of("USERS", (JsonNode) array("read"), "", array("read"),
					LONG, array("read"), "users", NODES.stringNode("read")).entrySet()) {
				values.add(JsonMapper.shared().createObjectNode().set(entry.getKey(), entry.getValue()));
			}
			values.add(JsonMapper.shared().createObjectNode().set("users", JsonMapper.shared().createArrayNode().addNull()));
			values.add(JsonMapper.shared().createObjectNode().putNull("users"));
			values.add(JsonMapper.shared().createObjectNode().set("users", array("READ")));
		}
		return values;
	}

	private static ArrayNode array(String item) {
		return JsonMapper.shared().createArrayNode().add(item);
	}

	private FuzzRequest body(String text, String what, String contentType) {
		return FuzzRequest.json(what, operation.method(), path, contentType, text);
	}

	private byte[] plausibleBytes() {
		return operation.body() == null ? null : fixtures.fromSchema(operation.body()).toString().getBytes(StandardCharsets.UTF_8);
	}

	private String bodyType() {
		return operation.body() == null ? null : mainType();
	}

	private String mainType() {
		return operation.contentTypes().isEmpty() ? "application/json" : operation.contentTypes().get(0);
	}

	private static String encode(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}
}
