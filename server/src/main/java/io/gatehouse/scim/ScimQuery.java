package io.gatehouse.scim;

import java.util.List;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.SearchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.Parser;
import tools.jackson.core.JacksonException;

/**
 * A list request, whether asked by query parameters (GET) or by a SearchRequest message ({@code POST /.search}):
 * both mean the same and are read into this one shape.
 *
 * @param filter null for every resource
 * @param start the 1-based index of the first resource
 * @param count at most {@link ScimPages#MAX_COUNT}
 */
record ScimQuery(Filter filter, String sortBy, boolean descending, int start, int count, ScimProjection projection) {

	static ScimQuery of(String filter, String startIndex, String count, String sortBy, String sortOrder,
			String attributes, String excludedAttributes) throws ScimException {
		return of(filter, ScimPages.number(startIndex, "startIndex", 1),
				ScimPages.number(count, "count", ScimPages.DEFAULT_COUNT), sortBy, sortOrder,
				ScimProjection.of(attributes, excludedAttributes));
	}

	static ScimQuery of(String body) throws ScimException {
		SearchRequest search;
		try {
			search = JsonUtils.getObjectReader().forType(SearchRequest.class).readValue(body);
		}
		catch (JacksonException ex) {
			throw BadRequestException.invalidSyntax("The body is not a SearchRequest message.");
		}
		return of(search.getFilter(), search.getStartIndex() == null ? 1 : search.getStartIndex(),
				search.getCount() == null ? ScimPages.DEFAULT_COUNT : search.getCount(), search.getSortBy(),
				search.getSortOrder() == null ? null : search.getSortOrder().getName(),
				ScimProjection.of(search.getAttributes() == null ? null : List.copyOf(search.getAttributes()),
						search.getExcludedAttributes() == null ? null : List.copyOf(search.getExcludedAttributes())));
	}

	private static ScimQuery of(String filter, int startIndex, int count, String sortBy, String sortOrder,
			ScimProjection projection) throws ScimException {
		Filter parsed = filter == null || filter.isBlank() ? null : Parser.parseFilter(closed(filter));
		return new ScimQuery(parsed, sortBy, ScimPages.descending(sortOrder), Math.max(startIndex, 1),
				ScimPages.clampCount(count), projection);
	}

	/**
	 * The SDK's parser reads {@code emails[value eq "a"} as if the bracket were closed (and a lone {@code (} too):
	 * a filter whose brackets, parentheses or quotes are left open outside its strings is refused before it is parsed,
	 * rather than answered as something the client did not write.
	 */
	static String closed(String filter) throws BadRequestException {
		java.util.Deque<Character> open = new java.util.ArrayDeque<>();
		boolean quoted = false;
		for (int i = 0; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				continue;
			}
			switch (c) {
				case '"' -> quoted = true;
				case '(', '[' -> open.push(c);
				case ')', ']' -> {
					if (open.isEmpty() || open.pop() != (c == ')' ? '(' : '[')) {
						throw BadRequestException.invalidFilter("The filter closes a " + c + " it never opened.");
					}
				}
				default -> {
				}
			}
		}
		if (quoted) {
			throw BadRequestException.invalidFilter("The filter leaves a string open: a closing \" is missing.");
		}
		if (!open.isEmpty()) {
			throw BadRequestException.invalidFilter(
					"The filter leaves a " + open.peek() + " open: a closing " + (open.peek() == '(' ? ')' : ']')
							+ " is missing.");
		}
		return filter;
	}
}
