package io.trainproof.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.reporting.report.Table;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV a spreadsheet opens as intended, and a parser reads back cell for cell. */
class CsvRendererTest {
  @Test
  void numbersStayNumbersAndFormulasAreDefused() {
    assertThat(CsvRenderer.safe("-3")).isEqualTo("-3");
    assertThat(CsvRenderer.safe("+1.5")).isEqualTo("+1.5");
    assertThat(CsvRenderer.safe("42")).isEqualTo("42");
    assertThat(CsvRenderer.safe("-3+cmd|' /C calc'!A0")).startsWith("'");
    assertThat(CsvRenderer.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(CsvRenderer.safe("@SUM(A1)")).startsWith("'");
    assertThat(CsvRenderer.safe("-")).isEqualTo("'-");
  }

  @Test
  void semicolonsAndEdgeSpacesAreQuotedAndTheByteOrderMarkIsOnRequest() throws IOException {
    StringWriter out = new StringWriter();
    CsvRenderer.write(
        new Table(List.of("a", "b", "c"), List.of(List.of("x;y", " lead", "Zoë"))), out, true);
    assertThat(out.toString())
        .isEqualTo(CsvRenderer.BYTE_ORDER_MARK + "a,b,c\r\n\"x;y\",\" lead\",Zoë\r\n");
    StringWriter plain = new StringWriter();
    CsvRenderer.write(new Table(List.of("a"), List.of(List.of("-2"))), plain, false);
    assertThat(plain.toString()).isEqualTo("a\r\n-2\r\n");
  }

  @Property(tries = 500)
  void aParserReadsBackEveryCellAsMadeSafe(
      @ForAll @Size(min = 1, max = 5) List<@Size(max = 12) String> cells) throws IOException {
    StringWriter out = new StringWriter();
    CsvRenderer.write(new Table(cells, List.of(cells)), out, false);
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
    assertThat(records).hasSize(2);
    List<String> expected = new ArrayList<>();
    cells.forEach(c -> expected.add(CsvRenderer.safe(c)));
    assertThat(records.get(1).toList()).isEqualTo(expected);
  }
}
