package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.gatehouse.users.UserSearch;
import io.gatehouse.users.UserSort;
import io.gatehouse.users.UserStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The users list's state, all of it in the URL so a page can be bookmarked, reloaded or shared: search text,
 * filters, sort, and the keyset position.
 *
 * @param cursor where this page starts (the previous page's next cursor); empty for the first page
 * @param back the cursors of the pages before this one, comma-separated, {@code ~} standing for the first page:
 * keyset paging only goes forward, so going back means remembering where earlier pages started
 * @param dormant only users with no sign-in for that many days (one of {@link #DORMANT_DAYS}); empty for all
 * @param size users per page, one of {@link #PAGE_SIZES}; anything else is the first of them
 */
record UserListQuery(String q, String status, UUID group, UUID role, String sort, String cursor, String back,
		Integer dormant, Integer size) {

	static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

	static final List<Integer> DORMANT_DAYS = List.of(30, 90, 180, 365);

	private static final String FIRST = "~";

	UserSearch search() {
		// the filter's "All but deleted" sends an empty status
		UserStatus wanted = status == null || status.isBlank() ? null : UserStatus.parse(status);
		return new UserSearch(blankToNull(q), wanted, dormantDays(), UserSort.parse(sort), pageSize(),
				blankToNull(cursor), role, group);
	}

	public int pageSize() {
		return size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
	}

	public Integer dormantDays() {
		return dormant != null && DORMANT_DAYS.contains(dormant) ? dormant : null;
	}

	/** Whether anything narrows the list: then an empty page offers to clear it. */
	public boolean narrowed() {
		return blankToNull(q) != null || blankToNull(status) != null || group != null || role != null
				|| dormantDays() != null;
	}

	/** This very page, for a form that comes back to it. */
	String selfLink() {
		return link(sort, blankToNull(cursor), blankToNull(back));
	}

	UserSort userSort() {
		return UserSort.parse(sort);
	}

	/** The link of a column header: that column ascending, or descending when it already sorts ascending. */
	public String sortLink(String field) {
		String next = field.equals(userSort().toString()) ? "-" + field : field;
		return link(next, null, null);
	}

	/** {@code ascending}, {@code descending} or {@code none}, for the header's {@code aria-sort}. */
	public String ariaSort(String field) {
		UserSort current = userSort();
		String name = current.toString().replace("-", "");
		if (!name.equals(field)) {
			return "none";
		}
		return current.descending() ? "descending" : "ascending";
	}

	String nextLink(String nextCursor) {
		List<String> stack = stack();
		stack.add(blankToNull(cursor) == null ? FIRST : cursor);
		return link(sort, nextCursor, String.join(",", stack));
	}

	boolean hasPrevious() {
		return !stack().isEmpty();
	}

	String previousLink() {
		List<String> stack = stack();
		String previous = stack.remove(stack.size() - 1);
		return link(sort, FIRST.equals(previous) ? null : previous, stack.isEmpty() ? null : String.join(",", stack));
	}

	public int pageNumber() {
		return stack().size() + 1;
	}

	private List<String> stack() {
		return back == null || back.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(back.split(",")));
	}

	private String link(String sortValue, String cursorValue, String backValue) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/users");
		param(uri, "q", q);
		param(uri, "status", status);
		param(uri, "group", group == null ? null : group.toString());
		param(uri, "role", role == null ? null : role.toString());
		param(uri, "dormant", dormantDays() == null ? null : dormantDays().toString());
		param(uri, "size", pageSize() == PAGE_SIZES.get(0) ? null : String.valueOf(pageSize()));
		param(uri, "sort", sortValue);
		param(uri, "cursor", cursorValue);
		param(uri, "back", backValue);
		return uri.encode().build().toUriString();
	}

	private static void param(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
