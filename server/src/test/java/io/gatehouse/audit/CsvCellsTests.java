package io.gatehouse.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV cell is quoted, and one a spreadsheet would run as a formula is made text. */
class CsvCellsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"ada|\"ada\"",
			"|\"\"",
			"say \"hi\"|\"say \"\"hi\"\"\"",
			"=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
			"+1|\"'+1\"",
			"-2+3|\"'-2+3\"",
			"@SUM(A1)|\"'@SUM(A1)\"",
			"a=b|\"a=b\"" })
	void quotesAndDisarms(String cell, String expected) {
		assertThat(CsvCells.quoted(cell)).isEqualTo(expected == null ? "\"\"" : expected);
	}

	@Test
	void aFormulaHiddenBehindATabOrReturnIsMadeTextToo() {
		assertThat(CsvCells.quoted("\t=1")).isEqualTo("\"'\t=1\"");
		assertThat(CsvCells.quoted("\r=1")).isEqualTo("\"'\r=1\"");
		assertThat(CsvCells.quoted(null)).isEqualTo("\"\"");
	}
}
