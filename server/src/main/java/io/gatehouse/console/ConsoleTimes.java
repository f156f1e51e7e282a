package io.gatehouse.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Dates and times as the console shows them, in the signed-in user's zone ({@code ${@consoleTimes...}}). */
@Component("consoleTimes")
public class ConsoleTimes {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	public String format(Instant instant, ZoneId zone) {
		return instant == null ? null : DATE_TIME.withZone(zone).format(instant);
	}

	/** Machine-readable, for the {@code datetime} attribute of a {@code <time>} element. */
	public String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
