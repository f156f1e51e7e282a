package io.gatehouse.settings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Permissions;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.roles.RoleSummary;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AfterCommit;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the instance settings: {@code settings:read} and {@code settings:update} on the instance, which
 * by the built-in roles only System Administrators and instance Admins hold. Each change is checked whole, written
 * with a new version, and audited with every old and new value.
 */
@Service
@Transactional
public class SettingsManagement {

	private final AccessControl access;

	private final SettingsStore store;

	private final EffectiveSettings effective;

	private final PermissionCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SettingsManagement(AccessControl access, SettingsStore store, EffectiveSettings effective,
			PermissionCatalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.store = store;
		this.effective = effective;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SettingsView get(Actor actor) {
		access.require(actor, Permissions.SETTINGS_READ);
		return view(store.read());
	}

	/**
	 * Changes the settings named in {@code changes} (a JSON merge patch: a code sets the value, {@code null} returns
	 * the setting to its configured default); the others stay as they are.
	 *
	 * @param expectedVersion the version read, or null to change whatever the current one is
	 */
	public SettingsView update(Actor actor, Map<String, String> changes, Long expectedVersion) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		SettingsStore.Stored before = store.read();
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw DomainException.versionMismatch("settings");
		}
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, String> wanted = new LinkedHashMap<>(before.values());
		for (Map.Entry<String, String> change : changes.entrySet()) {
			if (!SettingCodes.NAMES.contains(change.getKey())) {
				violations.add(new FieldViolation(change.getKey(), "unknown-field", "is not a setting"));
			}
			else if (change.getValue() == null) {
				wanted.remove(change.getKey());
			}
			else {
				wanted.put(change.getKey(), change.getValue());
			}
		}
		InstanceSettings after = SettingCodes.parse(wanted, effective.defaults(), violations);
		checkDefaultRole(actor, after, changes, violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The settings have invalid values.", violations);
		}
		InstanceSettings previous = SettingCodes.parse(before.values(), effective.defaults(), new ArrayList<>());
		Map<String, String> oldCodes = SettingCodes.codes(previous);
		Map<String, String> newCodes = SettingCodes.codes(after);
		Map<String, String> stored = new LinkedHashMap<>(before.values());
		changes.forEach((name, value) -> {
			if (value == null) {
				stored.remove(name);
			}
			else {
				stored.put(name, newCodes.get(name));
			}
		});
		if (stored.equals(before.values())) {
			// nothing to write: no new version, no audit entry
			return view(before);
		}
		long version = store.bump(expectedVersion);
		if (version < 0) {
			throw DomainException.versionMismatch("settings");
		}
		Map<String, Map<String, String>> audited = new LinkedHashMap<>();
		for (String name : changes.keySet()) {
			if (changes.get(name) == null) {
				store.remove(name);
			}
			else {
				// stored as the canonical code, so "30m" and "PT30M" are one value
				store.put(name, newCodes.get(name), clock.instant(), actor.userId());
			}
			if (!oldCodes.get(name).equals(newCodes.get(name))) {
				audited.put(name, Map.of("old", oldCodes.get(name), "new", newCodes.get(name)));
			}
		}
		events.publishEvent(new SettingsChanged(actor, audited, version));
		AfterCommit.run(effective::forget);
		return view(new SettingsStore.Stored(version, stored));
	}

	/** Bound at the instance to people whoever creates them: an instance role, never the top one. */
	private void checkDefaultRole(Actor actor, InstanceSettings after, Map<String, String> changes,
			List<FieldViolation> violations) {
		UUID role = after.defaultRole();
		if (role == null || !changes.containsKey(SettingCodes.DEFAULT_ROLE)) {
			return;
		}
		// the default role is given to people whoever creates them: only one who holds everything may choose it
		if (!actor.isSystem() && !access.isSystemAdministrator(actor.userId())) {
			violations.add(new FieldViolation(SettingCodes.DEFAULT_ROLE, "system-administrator-only",
					"can only be chosen by a System Administrator"));
			return;
		}
		if (BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(role)) {
			violations.add(new FieldViolation(SettingCodes.DEFAULT_ROLE, "not-system-administrator",
					"cannot be System Administrator"));
			return;
		}
		try {
			RoleSummary summary = catalog.role(Actor.system(), role);
			if (summary.definedAt() != null) {
				violations.add(new FieldViolation(SettingCodes.DEFAULT_ROLE, "scope",
						"must be a role defined at the instance, not inside a workspace"));
			}
		}
		catch (DomainException ex) {
			violations.add(new FieldViolation(SettingCodes.DEFAULT_ROLE, "exists",
					"is not a known role; see GET /api/v1/roles"));
		}
	}

	private SettingsView view(SettingsStore.Stored stored) {
		InstanceSettings settings = SettingCodes.parse(stored.values(), effective.defaults(), new ArrayList<>());
		Map<String, String> values = SettingCodes.codes(settings);
		Map<String, String> defaults = SettingCodes.codes(effective.defaults());
		Set<String> changed = new LinkedHashSet<>();
		for (String name : SettingCodes.NAMES) {
			if (stored.values().containsKey(name)) {
				changed.add(name);
			}
		}
		return new SettingsView(settings, values, defaults, changed, stored.version());
	}
}
