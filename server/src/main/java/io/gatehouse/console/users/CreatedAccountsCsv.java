package io.gatehouse.console.users;

import java.util.List;

import io.gatehouse.audit.CsvCells;
import io.gatehouse.users.BatchResult;
import org.springframework.stereotype.Component;

/**
 * The accounts Add people just made, with their one-time passwords, as the page offers them to copy or download: the
 * page itself is not cached, and the file is made in the browser from it, so the passwords are never served twice.
 */
@Component("createdAccountsCsv")
class CreatedAccountsCsv {

	/** CSV with a header line, each cell quoted and safe to open in a spreadsheet. */
	public String csv(List<BatchResult.Created> created) {
		StringBuilder text = new StringBuilder("\"username\",\"email\",\"temporaryPassword\"\r\n");
		for (BatchResult.Created c : created) {
			text.append(CsvCells.quoted(c.user().username())).append(',').append(CsvCells.quoted(c.user().email()))
				.append(',').append(CsvCells.quoted(c.temporaryPassword())).append("\r\n");
		}
		return text.toString();
	}

	/** One account a line, username, email and password separated by tabs: pastes into a spreadsheet or a note. */
	public String lines(List<BatchResult.Created> created) {
		StringBuilder text = new StringBuilder();
		for (BatchResult.Created c : created) {
			text.append(c.user().username()).append('\t').append(c.user().email()).append('\t')
				.append(c.temporaryPassword()).append('\n');
		}
		return text.toString();
	}
}
