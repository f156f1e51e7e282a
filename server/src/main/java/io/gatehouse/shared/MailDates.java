package io.gatehouse.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a time reads in a mail: in UTC, to the minute, the same for every recipient whatever their locale. */
public final class MailDates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private MailDates() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}
}
