package io.gatehouse.api.me;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.api.users.SessionJson;
import io.gatehouse.auth.Sessions;
import io.gatehouse.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's sessions: where they are signed in, and ending one or all the others. */
@RestController
@RequestMapping("/api/v1/me/sessions")
class MySessionApiController {

	private final Sessions sessions;

	MySessionApiController(Sessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	List<SessionJson> list(Actor actor) {
		return sessions.listOwn(actor).stream().map(session -> SessionJson.of(session, actor.sessionId())).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(Actor actor, @PathVariable UUID id) {
		sessions.revokeOwn(actor, id);
	}

	/** Signs out everywhere else: every session but the one making this request. */
	@DeleteMapping
	Map<String, Integer> revokeOthers(Actor actor) {
		return Map.of("revoked", sessions.revokeOthers(actor));
	}
}
