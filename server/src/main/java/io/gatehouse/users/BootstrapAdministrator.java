package io.gatehouse.users;

import io.gatehouse.access.AccessControl;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
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

	private final SharedCaches caches;

	BootstrapAdministrator(BootstrapSettings settings, UserStore users, UserManagement management,
			AccessControl access, TemporaryPasswords temporaryPasswords, TransactionTemplate transaction,
			SharedCaches caches) {
		this.settings = settings;
		this.caches = caches;
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
			boolean created = Boolean.TRUE.equals(transaction.execute(status -> {
				// nodes starting at once take turns on a one-slot row of the change table (bumping it costs a
				// drop of the token caches, empty at a first start), and the later ones find the first's
				// administrator: one is made, whatever name each node was given
				caches.bumpNow(ChangeArea.TOKENS);
				if (users.count() > 0) {
					return false;
				}
				User admin = management.create(Actor.system(), new CreateUser(settings.adminUsername(),
						settings.adminEmail(), password, null, null, "System Administrator", null, null, true, generated,
						null, null));
				access.grantSystemAdministrator(Actor.system(), admin.id());
				return true;
			}));
			if (!created) {
				log.info("Another node created the bootstrap administrator first");
				return;
			}
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
