package io.gatehouse.api.users;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.BatchAccounts;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Add people": accounts with temporary passwords, many at once. */
@RestController
class BatchUserApiController {

	private final BatchAccounts batch;

	private final UserViews views;

	BatchUserApiController(BatchAccounts batch, UserViews views) {
		this.batch = batch;
		this.views = views;
	}

	@PostMapping("/api/v1/users/batch")
	ResponseEntity<BatchJson> create(Actor actor, @RequestBody BatchRequest body) {
		BatchJson result = BatchJson.of(batch.create(actor, body.accounts(), Boolean.TRUE.equals(body.atomic()),
				body.groups(), body.bindings()), views);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
	}
}
