package io.gatehouse.console.groups;

import java.util.List;

/**
 * The permission table's entry form: a new area, or an existing entry being edited, or what was sent when it was
 * refused (kept, so nothing typed is lost).
 *
 * @param editing whether the area already has an entry, which saving replaces
 */
record EntryForm(String area, List<String> access, boolean editing) {

	EntryForm {
		access = access == null ? List.of() : List.copyOf(access);
	}

	static EntryForm blank() {
		return new EntryForm(null, List.of(), false);
	}

	public boolean grants(String action) {
		return access.contains(action);
	}

	public boolean isArea(String name) {
		return name.equals(area);
	}
}
