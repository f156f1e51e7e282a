package io.gatehouse.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.passwords.TemporaryPasswords;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Add people": many accounts at once, each with a temporary password to change at first sign-in.
 * Each account is made under a savepoint, so one failure (a taken email, a bad username) undoes only that account;
 * with {@code atomic} any failure undoes them all.
 */
@Service
public class BatchAccounts {

	static final int MAX_ACCOUNTS = 100;

	private final AccessControl access;

	private final UserManagement management;

	private final TemporaryPasswords temporaryPasswords;

	private final TransactionTemplate savepoint;

	BatchAccounts(AccessControl access, UserManagement management, TemporaryPasswords temporaryPasswords,
			PlatformTransactionManager transactions) {
		this.access = access;
		this.management = management;
		this.temporaryPasswords = temporaryPasswords;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * @param groups the groups every new account joins
	 * @param bindings the roles every new account holds; with {@code groups}, at least one is needed unless the
	 * setting {@code gatehouse.users.require-role-on-create} is off
	 */
	@Transactional
	public BatchResult create(Actor actor, List<BatchAccount> accounts, boolean atomic, List<UUID> groups,
			List<RoleGrant> bindings) {
		access.require(actor, Permissions.USERS_CREATE);
		management.refuseUnderExternalSignIn("accounts");
		if (accounts == null || accounts.isEmpty()) {
			throw DomainException.invalidField("accounts", "required", "must list at least one account");
		}
		if (accounts.size() > MAX_ACCOUNTS) {
			throw DomainException.invalidField("accounts", "size", "must list at most " + MAX_ACCOUNTS + " accounts");
		}
		List<BatchResult.Created> created = new ArrayList<>();
		List<BatchResult.Failed> failed = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			BatchAccount account = accounts.get(i) == null ? new BatchAccount(null, null) : accounts.get(i);
			String password = temporaryPasswords.generate();
			try {
				User user = savepoint.execute(status -> management.create(actor, new CreateUser(account.username(),
						account.email(), password, null, null, null, null, null, true, true, groups, bindings)));
				created.add(new BatchResult.Created(i, user, password));
			}
			catch (DomainException ex) {
				failed.add(new BatchResult.Failed(i, account.email(), ex));
			}
		}
		if (atomic && !failed.isEmpty()) {
			// thrown out of the transaction: every account made so far is rolled back with it
			throw DomainException.invalid("batch-failed", failed.size() + " of " + accounts.size()
					+ " accounts could not be created, so none was (atomic).", violations(failed));
		}
		return new BatchResult(created, failed);
	}

	private static List<FieldViolation> violations(List<BatchResult.Failed> failed) {
		List<FieldViolation> violations = new ArrayList<>();
		for (BatchResult.Failed failure : failed) {
			String prefix = "accounts[" + failure.index() + "]";
			if (failure.failure().violations().isEmpty()) {
				violations.add(new FieldViolation(prefix, failure.failure().code(), failure.failure().getMessage()));
			}
			for (FieldViolation violation : failure.failure().violations()) {
				violations.add(new FieldViolation(prefix + "." + violation.field(), violation.rule(), violation.message()));
			}
		}
		return violations;
	}
}
