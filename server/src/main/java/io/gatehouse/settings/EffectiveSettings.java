package io.gatehouse.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.AuthorizationModeSource;
import io.gatehouse.auth.SessionSettings;
import io.gatehouse.auth.SessionTimeouts;
import io.gatehouse.mfa.MfaRequirement;
import io.gatehouse.mfa.MfaRequirementSource;
import io.gatehouse.mfa.MfaSettings;
import io.gatehouse.passwords.PasswordPreset;
import io.gatehouse.passwords.PasswordPresetSource;
import io.gatehouse.passwords.PasswordSettings;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.AccountRules;
import io.gatehouse.users.AccountSettings;
import io.gatehouse.users.SignInMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The settings in force on this node, for every module that reads one at the moment of use. Kept in memory, so a
 * read costs nothing: read again at once after a change made on this node commits, and within the poll interval
 * (a second) after one made on another node, which this node notices by the version row.
 */
@Component
public class EffectiveSettings implements PasswordPresetSource, AccountRules, SessionTimeouts, MfaRequirementSource,
		AuthorizationModeSource {

	private static final Logger log = LoggerFactory.getLogger(EffectiveSettings.class);

	private final SettingsStore store;

	private final InstanceSettings defaults;

	private volatile Snapshot snapshot;

	record Snapshot(long version, InstanceSettings settings) {
	}

	EffectiveSettings(SettingsStore store, PasswordSettings passwords, AccountSettings accounts,
			SessionSettings sessions, MfaSettings mfa, SettingsProperties properties) {
		this.store = store;
		this.defaults = new InstanceSettings(passwords.preset(), accounts.delete(), accounts.requireRoleOnCreate(),
				properties.defaultRole(), properties.signInMode(), properties.authorizationMode(), mfa.required(),
				sessions.idleTimeout(), sessions.absoluteTimeout());
	}

	/** The settings in force. */
	public InstanceSettings current() {
		return snapshot().settings();
	}

	/** The settings as configured, before anyone changed them. */
	public InstanceSettings defaults() {
		return defaults;
	}

	Snapshot snapshot() {
		Snapshot current = snapshot;
		return current != null ? current : reload();
	}

	/** Another node's change reaches this one through the version row. */
	@Scheduled(fixedDelayString = "${gatehouse.settings.poll-interval:PT1S}")
	void poll() {
		Snapshot current = snapshot;
		if (current != null && store.version() != current.version()) {
			reload();
		}
	}

	synchronized Snapshot reload() {
		SettingsStore.Stored stored = store.read();
		List<FieldViolation> unreadable = new ArrayList<>();
		InstanceSettings settings = SettingCodes.parse(stored.values(), defaults, unreadable);
		// only a value written by an older version of Gatehouse could be unreadable: its default applies instead
		unreadable.forEach(violation -> log.warn("Setting {} in the database is ignored: {}", violation.field(),
				violation.message()));
		Snapshot loaded = new Snapshot(stored.version(), settings);
		snapshot = loaded;
		return loaded;
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
}
