package io.gatehouse.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An invitation's terms: its link's life, what a resend renews, and what accepting needs. */
class InvitationTermsTests {

	private static final Instant INVITED = Instant.parse("2026-12-01T09:00:00Z");

	private static final Duration WEEK = Duration.ofDays(7);

	private static final Actor INVITER = new Actor(UUID.randomUUID(), "olga", null, null, null);

	@Test
	void theFirstLinkWorksForTheConfiguredPeriodFromNow() {
		Invitation invitation = InvitationTerms.first(user(UserStatus.PENDING), INVITER, INVITED, WEEK);
		assertThat(invitation.invitedBy()).isEqualTo("olga");
		assertThat(invitation.invitedAt()).isEqualTo(INVITED);
		assertThat(invitation.expiresAt()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
		assertThat(invitation.sentCount()).isEqualTo(1);
	}

	@Test
	void theDefaultPeriodIsAWeek() {
		assertThat(new InvitationSettings(null).expiry()).isEqualTo(WEEK);
	}

	@ParameterizedTest(name = "resent {0} after the invitation, expired before: {1}")
	@CsvSource({
			// a resend starts the whole period again, whether the old link is still alive or long dead
			"PT1H,  false, 2026-12-08T10:00:00Z",
			"P6D,   false, 2026-12-14T09:00:00Z",
			"P30D,  true,  2027-01-07T09:00:00Z" })
	void aResendStartsThePeriodAgainAndCountsTheMail(Duration after, boolean expiredBefore, Instant expiresAt) {
		Invitation first = InvitationTerms.first(user(UserStatus.PENDING), INVITER, INVITED, WEEK);
		Instant now = INVITED.plus(after);
		assertThat(link(first.expiresAt()).expired(now)).isEqualTo(expiredBefore);

		Invitation resent = InvitationTerms.resent(first, now, WEEK);
		assertThat(resent.expiresAt()).isEqualTo(expiresAt);
		assertThat(link(resent.expiresAt()).expired(now)).isFalse();
		// who invited, and when, stay
		assertThat(resent.invitedAt()).isEqualTo(INVITED);
		assertThat(resent.invitedBy()).isEqualTo("olga");
		assertThat(resent.sentCount()).isEqualTo(2);
		assertThat(InvitationTerms.resent(resent, now, WEEK).sentCount()).isEqualTo(3);
	}

	@ParameterizedTest(name = "{0} before the expiry: expired {1}")
	@CsvSource({ "PT1S, false", "PT0S, true", "-PT1S, true" })
	void aLinkIsDeadFromItsExpiryOn(Duration beforeExpiry, boolean expired) {
		Instant expiresAt = INVITED.plus(WEEK);
		assertThat(link(expiresAt).expired(expiresAt.minus(beforeExpiry))).isEqualTo(expired);
	}

	@Test
	void onlyAPendingUserAcceptsAndTheLinkOfAnyOtherIsSimplyInvalid() {
		User pending = user(UserStatus.PENDING);
		assertThat(InvitationTerms.acceptor(Optional.of(pending))).isSameAs(pending);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = UserStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
	void anAcceptedDeactivatedOrDeletedUserMakesTheLinkInvalid(UserStatus status) {
		assertInvalidLink(Optional.of(user(status)));
	}

	@Test
	void aCancelledInvitationMakesTheLinkInvalid() {
		assertInvalidLink(Optional.empty());
	}

	@ParameterizedTest(name = "password \"{0}\"")
	@CsvSource(value = { "''", "NULL" }, nullValues = "NULL")
	void acceptingNeedsAPassword(String password) {
		assertThatThrownBy(() -> InvitationTerms.requirePassword(password)).isInstanceOfSatisfying(
				DomainException.class, ex -> assertThat(ex.violations()).singleElement()
					.satisfies(violation -> assertThat(violation.field() + " " + violation.rule())
						.isEqualTo("password required")));
	}

	private static void assertInvalidLink(Optional<User> linked) {
		assertThatThrownBy(() -> InvitationTerms.acceptor(linked)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("link-invalid"));
	}

	private static Link link(Instant expiresAt) {
		return new Link(UUID.randomUUID(), UUID.randomUUID(), Link.Purpose.INVITATION, "ada@example.com", expiresAt);
	}

	private static User user(UserStatus status) {
		return new User(UUID.randomUUID(), "ada", "ada@example.com", false, "Ada", "Lovelace", null, null, null,
				status, UserSource.INTERNAL, null, false, null, INVITED, INVITED, 1);
	}
}
