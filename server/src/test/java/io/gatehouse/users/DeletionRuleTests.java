package io.gatehouse.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.AccountSettings.DeletePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deleting a user for good: what the instance's delete policy and the person asking decide (authority and owned
 * resources are checked after, with the database), and the tombstone the account leaves.
 */
class DeletionRuleTests {

	private static final UUID ADMIN = UUID.randomUUID();

	private static final UUID ADA = UUID.randomUUID();

	@ParameterizedTest(name = "{0}, deleting {1}: {2}")
	@CsvSource({
			// policy,        whom,    refusal (none: allowed so far)
			"ALLOWED,         another, ",
			"ALLOWED,         self,    cannot-delete-self",
			"DEACTIVATE_ONLY, another, deletion-disabled",
			// the policy speaks first: nobody is deleted under it, whoever asks
			"DEACTIVATE_ONLY, self,    deletion-disabled" })
	void thePolicyThenWhoAsks(DeletePolicy policy, String whom, String refusal) {
		Actor admin = new Actor(ADMIN, "admin", null, null, null);
		UUID target = whom.equals("self") ? ADMIN : ADA;
		if (refusal == null) {
			assertThatCode(() -> DeletionRule.check(policy, admin, target)).doesNotThrowAnyException();
			return;
		}
		assertThatThrownBy(() -> DeletionRule.check(policy, admin, target)).isInstanceOfSatisfying(
				DomainException.class, ex -> assertThat(ex).extracting(DomainException::code, DomainException::kind)
					.containsExactly(refusal, DomainException.Kind.CONFLICT));
	}

	@Test
	void theDefaultPolicyAllowsDeletion() {
		assertThat(new AccountSettings(null, null, null).delete()).isEqualTo(DeletePolicy.ALLOWED);
	}

	@Test
	void theTombstoneFreesTheNameAndAddressAndStillPassesTheirRules() {
		String username = DeletionRule.tombstoneUsername(ADA);
		String email = DeletionRule.tombstoneEmail(ADA);
		assertThat(username).isEqualTo("deleted-" + ADA);
		assertThat(email).isEqualTo("deleted-" + ADA + "@deleted.invalid");
		// one per account, so that deleting two never collides on the unique columns
		assertThat(DeletionRule.tombstoneUsername(ADMIN)).isNotEqualTo(username);
		List<FieldViolation> violations = new ArrayList<>();
		UserRules.checkUsername(username, violations);
		UserRules.checkEmail(email, violations);
		assertThat(violations).isEmpty();
	}
}
