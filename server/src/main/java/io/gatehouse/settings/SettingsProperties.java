package io.gatehouse.settings;

import java.util.UUID;

import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.users.SignInMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The defaults of the settings no other module's configuration holds. The other settings take their defaults from
 * their modules' properties ({@code gatehouse.passwords.preset}, {@code gatehouse.users.*},
 * {@code gatehouse.mfa.required}, {@code gatehouse.sessions.*}).
 *
 * @param signInMode {@code local} by default
 * @param authorizationMode {@code local} by default
 * @param defaultRole the role bound at the instance to a new user created without roles or groups; none by default
 */
@ConfigurationProperties("gatehouse.settings")
public record SettingsProperties(SignInMode signInMode, AuthorizationMode authorizationMode, UUID defaultRole) {

	public SettingsProperties {
		signInMode = signInMode == null ? SignInMode.LOCAL : signInMode;
		authorizationMode = authorizationMode == null ? AuthorizationMode.LOCAL : authorizationMode;
	}
}
