package io.gatehouse.audit;

/**
 * One CSV cell, quoted (RFC 4180) and safe to open in a spreadsheet: a cell that starts with a character a spreadsheet
 * reads as a formula ({@code = + - @}, or a tab or carriage return that hides one) gets a leading apostrophe, so
 * a username like {@code =HYPERLINK(…)} stays text.
 */
public final class CsvCells {

	private CsvCells() {
	}

	public static String quoted(String cell) {
		String text = cell == null ? "" : cell;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}
}
