package io.gatehouse.console.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.gatehouse.audit.AuditExport;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.console.ConsoleUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends the filtered audit log as a file, for the viewer and for a user's Audit tab. Everything that can refuse (the
 * permission, the filters, the format) is asked before the first byte, so a refusal is an ordinary error page.
 */
@Component
public class AuditDownloads {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final AuditTrail trail;

	private final AuditExport export;

	private final AuditRows rows;

	private final Clock clock;

	AuditDownloads(AuditTrail trail, AuditExport export, AuditRows rows, Clock clock) {
		this.trail = trail;
		this.export = export;
		this.rows = rows;
		this.clock = clock;
	}

	/** @param involving when given, only that user's trail */
	public void write(ConsoleUser me, AuditFilter filter, UUID involving, String format, String name,
			HttpServletResponse response) {
		trail.search(me.actor(), AuditSearch.all(1, null));
		AuditExport.Format chosen = AuditExport.Format.of(format);
		AuditSearch search = filter.withoutCursor().search(me.zone());
		response.setContentType(chosen.mediaType() + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-"
				+ STAMP.format(clock.instant()) + "." + chosen.extension() + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		try {
			export.write(me.actor(), search, involving, chosen, rows.names(me)::targetName, response.getWriter());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
