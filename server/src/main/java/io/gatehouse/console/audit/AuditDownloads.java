package io.gatehouse.console.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import io.gatehouse.audit.AuditExport;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.web.Attachments;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * Sends the filtered audit log as a file, for the viewer and for a user's Audit tab, through {@link AuditExport} as
 * the API does. Everything that can refuse (the permission, the filters, the format) is asked before the first byte,
 * so a refusal is an ordinary error page.
 */
@Component
public class AuditDownloads {

	private final AuditExport export;

	AuditDownloads(AuditExport export) {
		this.export = export;
	}

	/** @param involving when given, only that user's trail */
	public void write(ConsoleUser me, AuditFilter filter, UUID involving, String format, String name,
			HttpServletResponse response) {
		AuditExport.Format chosen = export.start(me.actor(), format);
		AuditSearch search = filter.withoutCursor().search(me.zone());
		try {
			export.write(me.actor(), search, involving, chosen,
					Attachments.open(response, chosen.mediaType(), export.fileName(name, chosen)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
