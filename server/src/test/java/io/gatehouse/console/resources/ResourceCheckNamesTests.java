package io.gatehouse.console.resources;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The access check's explanation, read by people: the engine's ids become the names they know. */
class ResourceCheckNamesTests {

	@Test
	void everyKnownIdIsReplacedByItsNameAndUnknownOnesStay() {
		UUID user = UUID.randomUUID();
		UUID resource = UUID.randomUUID();
		UUID hidden = UUID.randomUUID();
		String explanation = "Denied: resource " + resource + " is the nearest with bindings for user " + user
				+ ", and none of them grants environments:read: No Access bound to user " + user + "; Viewer at " + hidden + ".";
		String named = ResourceCheckConsoleController.named(explanation, Map.of(user, "nora", resource, "“Production”"));
		assertThat(named).isEqualTo("Denied: resource “Production” is the nearest with bindings for user nora, and none "
				+ "of them grants environments:read: No Access bound to user nora; Viewer at " + hidden + ".");
	}
}
