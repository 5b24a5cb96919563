package io.trainproof.reporting;

import io.trainproof.reporting.report.Table;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads rendered reports back into tables of cells with real parsers, the way a person's program
 * would: CSV with Commons CSV, HTML with jsoup, PDF by PDFBox's text extraction (each drawn piece
 * of text with its position, font and size, put back into the columns its header row starts).
 */
final class RenderedTables {
  private RenderedTables() {}

  /**
   * A CSV document as a table, the formula guard's leading apostrophe taken off again.
   *
   * @param csv the document
   * @return its header and rows
   */
  static Table csv(byte[] csv) throws IOException {
    String text = new String(csv, StandardCharsets.UTF_8);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      List<CSVRecord> records = parser.getRecords();
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord r : records.subList(1, records.size())) {
        rows.add(r.stream().map(RenderedTables::unguarded).toList());
      }
      return new Table(records.get(0).toList(), rows);
    }
  }

  /** The cell as the report wrote it: CsvRenderer puts an apostrophe before a would-be formula. */
  private static String unguarded(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  /**
   * An HTML table as a table.
   *
   * @param page the page
   * @param id the table's id
   * @return its header and body rows
   */
  static Table html(Document page, String id) {
    Element table = page.getElementById(id);
    if (table == null) {
      throw new AssertionError("no table #" + id + " on the page");
    }
    List<String> columns = table.select("thead th").stream().map(Element::wholeText).toList();
    List<List<String>> rows = new ArrayList<>();
    for (Element tr : table.select("tbody tr")) {
      rows.add(tr.select("td").stream().map(Element::wholeText).toList());
    }
    return new Table(columns, rows);
  }

  /**
   * A Latin ligature (U+FB00 to U+FB06: "ﬀ", "ﬁ", "ﬂ", "ﬃ", "ﬄ", "ﬅ", "ﬆ") as its letters.
   *
   * <p>why: the bundled font's ligature glyphs extract as one ligature character ("oﬃcer-1",
   * "eﬀective"), which search and screen readers do not match; issue 20 asks that the PDF work
   * (fonts, tagging) end that, and its own test checks it. Here the figures and words are compared,
   * so the letters are put back and nothing else is changed.
   */
  static String unligated(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0xFB00 && cp <= 0xFB06) {
                b.append(
                    Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  /** What a PDF says: its lines above the table and the table. */
  record Pdf(String title, List<String> meta, Table table) {}

  /**
   * A printed report read back: the header row's cells (bold, at the table's size) give the
   * columns' left edges; every other piece of text at that size is a line of the cell whose column
   * it starts in. Cells are drawn row by row, left to right, each from its row's top line, so a
   * piece starts a new row when it goes back to an earlier column, or moves to a later column below
   * (or on another page than) the current row's top line. A cell's lines join with a space, as the
   * renderer wrapped them at spaces; a word or date broken mid-way therefore reads differently from
   * the other formats. Header rows repeated on later pages are skipped.
   *
   * @param pdf the document
   * @return its text lines and table
   */
  static Pdf pdf(byte[] pdf) throws IOException {
    List<Piece> pieces = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper reader =
          new PDFTextStripper() {
            @Override
            protected void showText(byte[] string) throws IOException {
              PDTextState state = getGraphicsState().getTextState();
              Matrix at =
                  getTextMatrix().multiply(getGraphicsState().getCurrentTransformationMatrix());
              pieces.add(
                  new Piece(
                      getCurrentPageNo(),
                      at.getTranslateX(),
                      at.getTranslateY(),
                      state.getFontSize(),
                      state.getFont().getName().contains("Bold"),
                      new StringBuilder()));
              super.showText(string);
            }

            @Override
            protected void processTextPosition(TextPosition text) {
              pieces.get(pieces.size() - 1).text().append(unligated(text.getUnicode()));
            }
          };
      reader.getText(doc);
    }
    float titleSize =
        pieces.stream().filter(Piece::bold).map(Piece::size).max(Float::compare).get();
    float cellSize =
        pieces.stream().filter(Piece::bold).map(Piece::size).min(Float::compare).orElseThrow();
    String title = "";
    List<String> meta = new ArrayList<>();
    List<Piece> header = new ArrayList<>();
    List<Piece> body = new ArrayList<>();
    for (Piece p : pieces) {
      if (p.bold() && p.size() == titleSize && title.isEmpty()) {
        title = p.text().toString();
      } else if (p.bold() && p.size() == cellSize) {
        if (p.page() == 1) {
          header.add(p);
        }
      } else if (!p.bold() && p.size() == cellSize) {
        body.add(p);
      } else if (!p.bold() && header.isEmpty() && p.page() == 1) {
        meta.add(p.text().toString());
      }
    }
    TreeSet<Float> starts = new TreeSet<>();
    header.forEach(p -> starts.add(p.x()));
    List<Float> edges = new ArrayList<>(starts);
    List<String> columns = cells(header, edges).get(0);
    return new Pdf(title, meta, new Table(columns, cells(body, edges)));
  }

  /** Pieces of text in drawing order, put into rows of cells by the columns' left edges. */
  private static List<List<String>> cells(List<Piece> pieces, List<Float> edges) {
    List<List<String>> rows = new ArrayList<>();
    List<StringBuilder> row = null;
    int last = Integer.MAX_VALUE;
    Piece top = null;
    for (Piece p : pieces) {
      int column = column(p.x(), edges);
      boolean elsewhere =
          top != null && (p.page() != top.page() || Math.abs(p.y() - top.y()) > 0.5f);
      if (row == null || column < last || (column > last && elsewhere)) {
        top = p;
        if (row != null) {
          rows.add(row.stream().map(StringBuilder::toString).toList());
        }
        row = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
          row.add(new StringBuilder());
        }
      }
      StringBuilder cell = row.get(column);
      if (cell.length() > 0 && p.text().length() > 0) {
        cell.append(' ');
      }
      cell.append(p.text());
      last = column;
    }
    if (row != null) {
      rows.add(row.stream().map(StringBuilder::toString).toList());
    }
    return rows;
  }

  private static int column(float x, List<Float> edges) {
    int found = 0;
    for (int i = 0; i < edges.size(); i++) {
      if (x >= edges.get(i) - 0.5f) {
        found = i;
      }
    }
    return found;
  }

  /** One piece of text as drawn: its page, left edge, baseline, size and whether bold. */
  private record Piece(int page, float x, float y, float size, boolean bold, StringBuilder text) {}
}
