package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tables as CSV (RFC 4180) that is safe to open in a spreadsheet: a cell beginning with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe so it is never read as a
 * formula (OWASP CSV injection). Stateless and thread-safe.
 */
public final class CsvRenderer {
  private CsvRenderer() {}

  /** The format every export uses. */
  public static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  /**
   * Makes one cell spreadsheet-safe.
   *
   * @param cell the cell text
   * @return the text, with a leading apostrophe when it could start a formula
   */
  public static String safe(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }

  /**
   * Starts a CSV document with its header row.
   *
   * @param out where to write
   * @param columns the headings
   * @return the printer, to write rows with {@link #row}
   * @throws IOException when writing fails
   */
  public static CSVPrinter open(Writer out, List<String> columns) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    row(printer, columns);
    return printer;
  }

  /**
   * Writes one row, each cell made safe.
   *
   * @param printer the printer
   * @param cells the cells
   * @throws IOException when writing fails
   */
  public static void row(CSVPrinter printer, List<String> cells) throws IOException {
    printer.printRecord(cells.stream().map(CsvRenderer::safe).toList());
  }

  /**
   * Writes a whole table.
   *
   * @param table the table
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  public static void write(Table table, Writer out) throws IOException {
    CSVPrinter printer = open(out, table.columns());
    for (List<String> row : table.rows()) {
      row(printer, row);
    }
    printer.flush();
  }
}
