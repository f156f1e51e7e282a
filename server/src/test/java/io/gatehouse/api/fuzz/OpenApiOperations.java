package io.gatehouse.api.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of the API as its OpenAPI document lists them, with their parameters and the schema of their
 * body ({@code $ref}s resolved): what the fuzzer walks, so an endpoint added later is fuzzed without a change here.
 */
final class OpenApiOperations {

	/** @param in {@code path}, {@code query} or {@code header} */
	record Parameter(String name, String in, JsonNode schema) {
	}

	record Operation(String method, String path, List<Parameter> parameters, JsonNode body, List<String> contentTypes) {

		List<Parameter> in(String where) {
			return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	private static final List<String> ORDER = List.of("GET", "PUT", "PATCH", "POST", "DELETE");

	private final JsonNode document;

	private OpenApiOperations(JsonNode document) {
		this.document = document;
	}

	/**
	 * Every operation, reads first and deletions last, so that what a deletion removes was fuzzed before it went.
	 */
	static List<Operation> of(String json) {
		return new OpenApiOperations(JsonMapper.shared().readTree(json)).operations();
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				JsonNode operation = method.getValue();
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters")) {
					parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
							resolve(parameter.path("schema"))));
				}
				JsonNode content = operation.path("requestBody").path("content");
				List<String> contentTypes = new ArrayList<>(content.propertyNames());
				JsonNode body = contentTypes.isEmpty() ? null : resolve(content.get(contentTypes.get(0)).path("schema"));
				operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
						parameters, body, contentTypes));
			}
		}
		operations.sort(Comparator.comparing((Operation operation) -> ORDER.indexOf(operation.method()))
			.thenComparing(Operation::path));
		return operations;
	}

	/** The schema with every {@code $ref} replaced by what it names (the API's schemas hold no cycles). */
	private JsonNode resolve(JsonNode schema) {
		if (schema == null || schema.isMissingNode()) {
			return null;
		}
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			return resolve(document.path("components").path("schemas").get(name));
		}
		if (!schema.isObject()) {
			return schema;
		}
		var copy = JsonMapper.shared().createObjectNode();
		for (Map.Entry<String, JsonNode> field : schema.properties()) {
			JsonNode value = field.getValue();
			if (field.getKey().equals("properties")) {
				var properties = JsonMapper.shared().createObjectNode();
				value.properties().forEach(property -> properties.set(property.getKey(), resolve(property.getValue())));
				copy.set("properties", properties);
			}
			else if (field.getKey().equals("items") || field.getKey().equals("additionalProperties")) {
				copy.set(field.getKey(), value.isObject() ? resolve(value) : value);
			}
			else {
				copy.set(field.getKey(), value);
			}
		}
		return copy;
	}
}
