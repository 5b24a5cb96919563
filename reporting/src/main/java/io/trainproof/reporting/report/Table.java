package io.trainproof.reporting.report;

import java.util.List;

/**
 * A report flattened to rows of text, as spreadsheets, HTML tables and PDF pages show it.
 * Immutable.
 *
 * @param columns the column headings
 * @param rows the rows; each has one cell per column
 */
public record Table(List<String> columns, List<List<String>> rows) {
  /** Copies the lists and checks every row has one cell per column. */
  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells for " + columns.size() + " columns");
      }
    }
  }
}
