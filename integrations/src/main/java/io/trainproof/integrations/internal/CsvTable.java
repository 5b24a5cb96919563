package io.trainproof.integrations.internal;

import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file read strictly against a header specification (RFC 4180, UTF-8, optional BOM): the
 * header must name every required column, may name optional ones, and must name nothing else and
 * nothing twice. Rows keep the line they start on. Immutable. Not API.
 *
 * @param rows the rows that could be read, each with its line
 * @param errors problems with the file, the header or single rows
 * @param headerOk true when the header was present and acceptable (rows are empty otherwise)
 * @param complete true when the whole file was read (false after a malformed record)
 */
public record CsvTable(List<Row> rows, List<RowError> errors, boolean headerOk, boolean complete) {

  /** Makes the lists immutable. */
  public CsvTable {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  /**
   * One data row. Immutable.
   *
   * @param line the 1-based line the row starts on
   * @param values the value of each header column, as written (not trimmed)
   */
  public record Row(int line, Map<String, String> values) {
    /** Keeps the column order. */
    public Row {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A value, trimmed, or null when the column is absent or blank.
     *
     * @param column the column
     * @return the value or null
     */
    public @Nullable String get(String column) {
      String v = values.get(column);
      if (v == null) {
        return null;
      }
      String t = v.strip();
      return t.isEmpty() ? null : t;
    }
  }

  /**
   * Reads bytes as a CSV table.
   *
   * @param bytes the file's bytes
   * @param required the columns the header must have
   * @param optional the columns the header may have
   * @return the table
   */
  public static CsvTable read(byte[] bytes, Set<String> required, Set<String> optional) {
    StrictText.Decoded decoded = StrictText.utf8(bytes);
    String text = decoded.text();
    if (text == null) {
      return new CsvTable(
          List.of(), List.of(Objects.requireNonNull(decoded.error())), false, false);
    }
    return parse(text, required, optional);
  }

  private static CsvTable parse(String text, Set<String> required, Set<String> optional) {
    int[] lineStarts = lineStarts(text);
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    List<String> header = null;
    int linesRead = 0;
    try (CSVParser parser = format.parse(new StringReader(text))) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // why: after a broken quote the parser cannot tell where the next record starts
          errors.add(
              new RowError(
                  linesRead + 1,
                  null,
                  "csv",
                  ErrorKind.MALFORMED,
                  "not well-formed CSV ("
                      + rootMessage(e)
                      + "); nothing after line "
                      + linesRead
                      + " was read"));
          return new CsvTable(rows, errors, header != null && errors.size() == 1, false);
        }
        linesRead = (int) parser.getCurrentLineNumber();
        int line = lineAt(text, lineStarts, record.getCharacterPosition());
        if (header == null) {
          header = new ArrayList<>();
          for (String name : record) {
            header.add(name.strip());
          }
          if (!checkHeader(header, required, optional, line, errors)) {
            return new CsvTable(List.of(), errors, false, true);
          }
          continue;
        }
        if (record.size() != header.size()) {
          errors.add(
              new RowError(
                  line,
                  null,
                  "csv",
                  ErrorKind.MALFORMED,
                  "row has " + record.size() + " fields, the header has " + header.size()));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i));
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null) {
      errors.add(
          new RowError(
              1,
              null,
              "header",
              ErrorKind.MISSING_COLUMN,
              "the file is empty; a header row is required"));
      return new CsvTable(List.of(), errors, false, true);
    }
    return new CsvTable(rows, errors, true, true);
  }

  private static boolean checkHeader(
      List<String> header,
      Set<String> required,
      Set<String> optional,
      int line,
      List<RowError> errors) {
    int before = errors.size();
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        errors.add(
            new RowError(
                line, null, name, ErrorKind.DUPLICATE, "the header names this column twice"));
      } else if (!required.contains(name) && !optional.contains(name)) {
        errors.add(
            new RowError(
                line,
                null,
                name,
                ErrorKind.UNKNOWN_COLUMN,
                "unknown column; expected "
                    + String.join(", ", required)
                    + (optional.isEmpty()
                        ? ""
                        : " and optionally " + String.join(", ", optional))));
      }
    }
    for (String name : required) {
      if (!seen.contains(name)) {
        errors.add(
            new RowError(
                line,
                null,
                name,
                ErrorKind.MISSING_COLUMN,
                "required column is missing from the header"));
      }
    }
    return errors.size() == before;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  private static int lineAt(String text, int[] lineStarts, long position) {
    int at = (int) Math.min(position, text.length());
    // why: the parser reports where it started looking, before any blank lines it skipped
    while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
      at++;
    }
    int found = Arrays.binarySearch(lineStarts, at);
    return found >= 0 ? found + 1 : -found - 1;
  }
}
