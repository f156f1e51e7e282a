package io.gatehouse.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.User;

/**
 * The signed-in person a console page is rendered for: who acts (for the domain services) and their account (for
 * their name and time zone). A console controller takes it as a parameter.
 */
public record ConsoleUser(Actor actor, User user) {

	private static final ZoneId UTC = ZoneId.of("UTC");

	/** The zone every date of the console is shown in: the user's own, UTC when they have none. */
	public ZoneId zone() {
		if (user.timeZone() == null) {
			return UTC;
		}
		try {
			return ZoneId.of(user.timeZone());
		}
		catch (DateTimeException ex) {
			return UTC;
		}
	}

	public String name() {
		if (user.displayName() != null) {
			return user.displayName();
		}
		if (user.firstName() != null || user.lastName() != null) {
			return ((user.firstName() == null ? "" : user.firstName()) + " "
					+ (user.lastName() == null ? "" : user.lastName())).strip();
		}
		return user.username();
	}

	/**
	 * The expiry a date picked in a form means: the end of that day where the user lives; {@code null} (the default
	 * lifetime) when none was picked.
	 */
	public Instant expiryAtEndOf(String date) {
		if (date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date).plusDays(1).atStartOfDay(zone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalidField("expiresAt", "date", "must be a date like 2027-01-31");
		}
	}
}
