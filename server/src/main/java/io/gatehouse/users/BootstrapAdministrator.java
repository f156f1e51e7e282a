package io.gatehouse.users;

import io.gatehouse.access.AccessControl;
import io.gatehouse.passwords.TemporaryPasswords;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes sure an empty directory gets a System Administrator, so a fresh install can be signed in to at all. */
@Component
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final BootstrapSettings settings;

	private final UserStore users;

	private final UserManagement management;

	private final AccessControl access;

	private final TemporaryPasswords temporaryPasswords;

	private final TransactionTemplate transaction;

	BootstrapAdministrator(BootstrapSettings settings, UserStore users, UserManagement management,
			AccessControl access, TemporaryPasswords temporaryPasswords, TransactionTemplate transaction) {
		this.settings = settings;
		this.users = users;
		this.management = management;
		this.access = access;
		this.temporaryPasswords = temporaryPasswords;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.count() > 0) {
			return;
		}
		boolean generated = settings.adminPassword() == null || settings.adminPassword().isBlank();
		String password = generated ? temporaryPasswords.generate() : settings.adminPassword();
		try {
			transaction.executeWithoutResult(status -> {
				User admin = management.create(Actor.system(), new CreateUser(settings.adminUsername(),
						settings.adminEmail(), password, null, null, "System Administrator", null, null, true, generated,
						null, null));
				access.grantSystemAdministrator(Actor.system(), admin.id());
			});
		}
		catch (DuplicateKeyException | DomainException ex) {
			if (users.count() > 0) {
				log.info("Another node created the bootstrap administrator first");
				return;
			}
			if (ex instanceof DomainException failure) {
				throw new IllegalStateException("Cannot create the bootstrap administrator: " + failure.getMessage()
						+ " " + failure.violations(), ex);
			}
			throw ex;
		}
		if (generated) {
			log.warn("""

					==========================================================================
					  Created the System Administrator '{}' with a one-time password:

					      {}

					  Sign in and change it now; it is shown only this once.
					  (Set GATEHOUSE_ADMIN_USERNAME and GATEHOUSE_ADMIN_PASSWORD to choose them.)
					==========================================================================""",
					settings.adminUsername(), password);
		}
		else {
			log.info("Created the System Administrator '{}' with the configured password", settings.adminUsername());
		}
	}
}
