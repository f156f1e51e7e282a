package io.gatehouse.api.invitations;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.api.users.UserJson;
import io.gatehouse.api.users.UserViews;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.Invitation;
import io.gatehouse.users.Invitations;
import io.gatehouse.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations: invite, list the pending ones, resend, cancel; and accepting, which needs no sign-in. */
@RestController
@RequestMapping("/api/v1/invitations")
class InvitationApiController {

	private final Invitations invitations;

	private final UserViews views;

	private final Clock clock;

	InvitationApiController(Invitations invitations, UserViews views, Clock clock) {
		this.invitations = invitations;
		this.views = views;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<InvitationJson> invite(Actor actor, @RequestBody InviteRequest body) {
		Invitation invitation = invitations.invite(actor, body.command());
		return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitation.user().id()))
			.body(InvitationJson.of(invitation, clock.instant()));
	}

	@GetMapping
	List<InvitationJson> pending(Actor actor) {
		return invitations.pending(actor).stream().map(invitation -> InvitationJson.of(invitation, clock.instant())).toList();
	}

	@PostMapping("/{id}/resend")
	InvitationJson resend(Actor actor, @PathVariable UUID id) {
		return InvitationJson.of(invitations.resend(actor, id), clock.instant());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(Actor actor, @PathVariable UUID id) {
		invitations.cancel(actor, id);
	}

	/** Anonymous: the token from the mail is the proof. */
	@PostMapping(path = "/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
	UserJson accept(@RequestBody AcceptInvitationRequest body, HttpServletRequest request) {
		return views.of(invitations.accept(Actor.anonymous(ClientAddress.of(request)), body.token(), body.password()));
	}
}
