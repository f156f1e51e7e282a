package io.gatehouse.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.AuthorizationModeSettings;
import io.gatehouse.auth.SessionSettings;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.auth.SessionTimeoutSettings;
import io.gatehouse.mfa.MfaRequirement;
import io.gatehouse.mfa.MfaRequirementSettings;
import io.gatehouse.mfa.MfaSettings;
import io.gatehouse.passwords.PasswordPreset;
import io.gatehouse.passwords.PasswordPresetSettings;
import io.gatehouse.passwords.PasswordSettings;
import io.gatehouse.retention.RetentionProperties;
import io.gatehouse.retention.RetentionSettings;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.AccountRuleSettings;
import io.gatehouse.users.AccountSettings;
import io.gatehouse.users.SignInMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The settings in force on this node, for every module that reads one at the moment of use. Kept in memory, so a
 * read costs nothing: read again at the first use after a change made on this node commits, and within the poll
 * interval after one made on another node, which this node notices when the settings area of the change table moves.
 */
@Component
public class EffectiveSettings implements PasswordPresetSettings, AccountRuleSettings, SessionTimeoutSettings,
		MfaRequirementSettings, AuthorizationModeSettings, RetentionSettings {

	private static final Logger log = LoggerFactory.getLogger(EffectiveSettings.class);

	private static final String INSTANCE = "instance";

	private final SettingsStore store;

	private final InstanceSettings defaults;

	// one entry: a cache all the same, so that the settings go stale and fresh the way every other cache does
	private final Cache<String, InstanceSettings> cache;

	EffectiveSettings(SettingsStore store, PasswordSettings passwords, AccountSettings accounts,
			SessionSettings sessions, MfaSettings mfa, SettingsProperties properties, RetentionProperties retention,
			SharedCaches caches) {
		this.store = store;
		this.defaults = new InstanceSettings(passwords.preset(), accounts.delete(), accounts.requireRoleOnCreate(),
				properties.defaultRole(), properties.signInMode(), properties.authorizationMode(), mfa.required(),
				sessions.idleTimeout(), sessions.absoluteTimeout(),
				new RetentionPeriods(retention.deliveredMail(), retention.signInRecords(), retention.expired(),
						retention.auditEvents()));
		this.cache = caches.cache("settings", ChangeArea.SETTINGS, 1);
	}

	/** The settings in force. */
	public InstanceSettings current() {
		return cache.get(INSTANCE, key -> load());
	}

	/** The settings as configured, before anyone changed them. */
	public InstanceSettings defaults() {
		return defaults;
	}

	/** Called once a change made on this node committed. */
	void forget() {
		cache.invalidateAll();
	}

	private InstanceSettings load() {
		SettingsStore.Stored stored = store.read();
		List<FieldViolation> unreadable = new ArrayList<>();
		InstanceSettings settings = SettingCodes.parse(stored.values(), defaults, unreadable);
		// only a value written by an older version of Gatehouse could be unreadable: its default applies instead
		unreadable.forEach(violation -> log.warn("Setting {} in the database is ignored: {}", violation.field(),
				violation.message()));
		return settings;
	}

	@Override
	public PasswordPreset passwordPreset() {
		return current().passwordPreset();
	}

	@Override
	public AccountSettings.DeletePolicy deletePolicy() {
		return current().deletePolicy();
	}

	@Override
	public boolean requireRoleOnCreate() {
		return current().requireRoleOnCreate();
	}

	@Override
	public Optional<UUID> defaultRole() {
		return Optional.ofNullable(current().defaultRole());
	}

	@Override
	public SignInMode signInMode() {
		return current().signInMode();
	}

	@Override
	public AuthorizationMode authorizationMode() {
		return current().authorizationMode();
	}

	@Override
	public MfaRequirement mfaRequirement() {
		return current().mfaRequired();
	}

	@Override
	public Duration idleTimeout() {
		return current().sessionIdleTimeout();
	}

	@Override
	public Duration absoluteTimeout() {
		return current().sessionAbsoluteTimeout();
	}

	@Override
	public Duration deliveredMailRetention() {
		return current().retention().deliveredMail();
	}

	@Override
	public Duration signInRecordRetention() {
		return current().retention().signInRecords();
	}

	@Override
	public Duration expiredRetention() {
		return current().retention().expired();
	}

	@Override
	public Optional<Duration> auditRetention() {
		return Optional.ofNullable(current().retention().auditEvents());
	}
}
