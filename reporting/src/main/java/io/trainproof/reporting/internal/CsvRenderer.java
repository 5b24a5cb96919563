package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes tables as CSV (RFC 4180, CRLF) that opens correctly in a spreadsheet:
 *
 * <ul>
 *   <li>a cell that could start a formula ({@code = + - @}, a tab or a carriage return first) gets
 *       a leading apostrophe (OWASP CSV injection), except a plain number such as {@code -3} or
 *       {@code +1.5}, which stays a number;
 *   <li>a cell with a comma, a semicolon (the separator Excel expects in many locales), a quote, a
 *       line break or a space at either end is quoted;
 *   <li>a UTF-8 byte order mark first, when asked, so Excel reads names such as "Zoë" as UTF-8.
 * </ul>
 *
 * Stateless and thread-safe; each {@link Printer} is for one document.
 */
public final class CsvRenderer {
  private CsvRenderer() {}

  /** What Excel needs before UTF-8 text to read it as UTF-8. */
  public static final char BYTE_ORDER_MARK = '\uFEFF';

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  /** Writes one CSV document, row by row. Not thread-safe. */
  public static final class Printer {
    private final Writer out;

    private Printer(Writer out) {
      this.out = out;
    }

    /**
     * Writes one row, each cell made safe and quoted when it needs to be.
     *
     * @param cells the cells
     * @throws IOException when writing fails
     */
    public void row(List<String> cells) throws IOException {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quoted(safe(cells.get(i))));
      }
      out.write("\r\n");
    }

    /**
     * @throws IOException when flushing fails
     */
    public void flush() throws IOException {
      out.flush();
    }
  }

  /**
   * Makes one cell spreadsheet-safe.
   *
   * @param cell the cell text
   * @return the text, with a leading apostrophe when it could start a formula
   */
  public static String safe(String cell) {
    if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }

  private static String quoted(String cell) {
    boolean quote =
        !cell.isEmpty()
            && (cell.indexOf(',') >= 0
                || cell.indexOf(';') >= 0
                || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0
                || cell.charAt(0) == ' '
                || cell.charAt(cell.length() - 1) == ' ');
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  /**
   * Starts a CSV document with its header row.
   *
   * @param out where to write
   * @param columns the headings
   * @param byteOrderMark whether to begin with a UTF-8 byte order mark (for Excel)
   * @return the printer, for the rows
   * @throws IOException when writing fails
   */
  public static Printer open(Writer out, List<String> columns, boolean byteOrderMark)
      throws IOException {
    if (byteOrderMark) {
      out.write(BYTE_ORDER_MARK);
    }
    Printer printer = new Printer(out);
    printer.row(columns);
    return printer;
  }

  /**
   * Writes a whole table.
   *
   * @param table the table
   * @param out where to write; flushed, not closed
   * @param byteOrderMark whether to begin with a UTF-8 byte order mark (for Excel)
   * @throws IOException when writing fails
   */
  public static void write(Table table, Writer out, boolean byteOrderMark) throws IOException {
    Printer printer = open(out, table.columns(), byteOrderMark);
    for (List<String> row : table.rows()) {
      printer.row(row);
    }
    printer.flush();
  }
}
