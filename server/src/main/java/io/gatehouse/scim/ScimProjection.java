package io.gatehouse.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.9) on a resource's JSON. {@code id} and
 * {@code schemas} are always returned, as the RFC says; attributes are matched case-insensitively, with or without
 * their schema's URN.
 */
record ScimProjection(List<String[]> attributes, List<String[]> excluded) {

	static final ScimProjection ALL = new ScimProjection(List.of(), List.of());

	static ScimProjection of(String attributes, String excludedAttributes) throws BadRequestException {
		return new ScimProjection(paths(attributes), paths(excludedAttributes));
	}

	static ScimProjection of(List<String> attributes, List<String> excludedAttributes) throws BadRequestException {
		return of(attributes == null ? null : String.join(",", attributes),
				excludedAttributes == null ? null : String.join(",", excludedAttributes));
	}

	/** Each path as [top-level key, sub-attribute or null], the key being the URN for an extension's attribute. */
	private static List<String[]> paths(String list) throws BadRequestException {
		List<String[]> paths = new ArrayList<>();
		if (list == null || list.isBlank()) {
			return paths;
		}
		for (String item : list.split(",")) {
			if (item.isBlank()) {
				continue;
			}
			Path path = Path.fromString(item.strip());
			String urn = path.getSchemaUrn();
			boolean extension = urn != null && !urn.equalsIgnoreCase(ScimUserJson.CORE)
					&& !urn.equalsIgnoreCase("urn:ietf:params:scim:schemas:core:2.0:Group");
			List<String> names = new ArrayList<>();
			path.forEach(element -> names.add(element.getAttribute()));
			if (extension) {
				paths.add(new String[] { urn, names.isEmpty() ? null : names.get(0) });
			}
			else if (!names.isEmpty()) {
				paths.add(new String[] { names.get(0), names.size() > 1 ? names.get(1) : null });
			}
		}
		return paths;
	}

	ObjectNode apply(ObjectNode node) {
		if (!attributes.isEmpty()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
			List<String> drop = new ArrayList<>();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				String key = field.getKey();
				if (key.equals("id") || key.equals("schemas")) {
					continue;
				}
				List<String[]> wanted = attributes.stream().filter(p -> p[0].equalsIgnoreCase(key)).toList();
				if (wanted.isEmpty()) {
					drop.add(key);
				}
				else if (wanted.stream().noneMatch(p -> p[1] == null) && field.getValue() instanceof ObjectNode sub) {
					keepOnly(sub, wanted);
				}
			}
			node.remove(drop);
		}
		for (String[] path : excluded) {
			String key = actualKey(node, path[0]);
			if (key == null || key.equals("id") || key.equals("schemas")) {
				continue;
			}
			if (path[1] == null) {
				node.remove(key);
			}
			else if (node.get(key) instanceof ObjectNode sub) {
				String subKey = actualKey(sub, path[1]);
				if (subKey != null) {
					sub.remove(subKey);
				}
			}
		}
		return node;
	}

	private static void keepOnly(ObjectNode sub, List<String[]> wanted) {
		List<String> drop = new ArrayList<>();
		for (String name : sub.propertyNames()) {
			if (wanted.stream().noneMatch(p -> p[1].equalsIgnoreCase(name))) {
				drop.add(name);
			}
		}
		sub.remove(drop);
	}

	private static String actualKey(ObjectNode node, String wanted) {
		for (String name : node.propertyNames()) {
			if (name.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
				return name;
			}
		}
		return null;
	}
}
