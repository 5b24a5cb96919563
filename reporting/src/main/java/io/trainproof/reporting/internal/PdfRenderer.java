package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Printable PDF (PDFBox): landscape pages (US Letter, or A4 where the reader's locale uses it) with
 * the report's header lines, a table whose cells wrap, the header row repeated on each page, and
 * "page n of m" footers. Text is set in DejaVu Sans (bundled, embedded as a subset), which covers
 * Latin, Greek, Cyrillic, Armenian, Georgian and Hebrew letters among others; a character it has no
 * glyph for (CJK, emoji) prints as {@code ?}. Not thread-safe per instance; {@link #write} creates
 * its own.
 */
public final class PdfRenderer {
  private static final float MARGIN = 36;
  private static final float CELL_FONT = 7.5f;
  private static final float LEADING = 9.5f;
  private static final float PAD = 2.5f;

  private static final String FONTS = "/io/trainproof/reporting/fonts/";

  private final PDFont regular;
  private final PDFont bold;
  private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();

  private PdfRenderer(PDDocument doc) throws IOException {
    this.regular = font(doc, "DejaVuSans.ttf");
    this.bold = font(doc, "DejaVuSans-Bold.ttf");
  }

  private static PDFont font(PDDocument doc, String file) throws IOException {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IOException("the bundled font " + file + " is missing from the reporting jar");
      }
      return PDType0Font.load(doc, in, true);
    }
  }

  /**
   * A renderer whose fonts are embedded in a document, for helpers that measure and clean text.
   *
   * @param doc the document the text goes into
   * @return the renderer
   * @throws IOException when the bundled fonts cannot be read
   */
  static PdfRenderer forDocument(PDDocument doc) throws IOException {
    return new PdfRenderer(doc);
  }

  /**
   * @return the regular font, embedded in this renderer's document
   */
  PDFont regular() {
    return regular;
  }

  /**
   * @return the bold font, embedded in this renderer's document
   */
  PDFont bold() {
    return bold;
  }

  /**
   * Writes a report as PDF.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(Report report, OutputStream out) throws IOException {
    write(report, Labels.english(), out);
  }

  /**
   * Writes a report as PDF in the reader's language (codes and columns; see {@link Labels}).
   *
   * @param report the report
   * @param labels the reader's labels
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(Report report, Labels labels, OutputStream out) throws IOException {
    write(
        report.title(labels),
        Describe.lines(report, labels),
        report.table(labels),
        paper(labels.locale()),
        out);
  }

  /**
   * The paper a reader's locale uses: US Letter in the United States and the other countries that
   * print on it (Canada, Mexico, the Philippines, Chile, Colombia, Venezuela, Central America's
   * Letter users), A4 elsewhere; Letter when the locale names no country, as the SDK's readers are
   * US covered entities first.
   *
   * @param locale the reader's locale
   * @return the portrait page size
   */
  static PDRectangle paper(Locale locale) {
    return switch (locale.getCountry()) {
      case "", "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "DO", "PR", "SV", "PA" ->
          PDRectangle.LETTER;
      default -> PDRectangle.A4;
    };
  }

  /**
   * Writes a titled table as PDF.
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(String title, List<String> meta, Table table, OutputStream out)
      throws IOException {
    write(title, meta, table, PDRectangle.LETTER, out);
  }

  /**
   * Writes a titled table as PDF on the given paper, turned to landscape.
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @param paper the portrait page size ({@link #paper(Locale)})
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(
      String title, List<String> meta, Table table, PDRectangle paper, OutputStream out)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      new PdfRenderer(doc).render(doc, title, meta, table, paper);
      doc.save(out);
    }
  }

  /**
   * Replaces line breaks and tabs with spaces, and characters the font has no glyph for with {@code
   * ?}, one per code point.
   *
   * @param text the text
   * @param font the font
   * @return printable text
   */
  String printable(String text, PDFont font) {
    Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
                return;
              }
              boolean ok =
                  known.computeIfAbsent(
                      cp,
                      c -> {
                        try {
                          font.encode(new String(Character.toChars(c)));
                          return true;
                        } catch (IllegalArgumentException | IOException e) {
                          return false;
                        }
                      });
              if (ok) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  float width(String text, PDFont font, float size) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }

  List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
    List<String> lines = new ArrayList<>();
    String rest = printable(text, font);
    while (!rest.isEmpty()) {
      if (width(rest, font, size) <= max) {
        lines.add(rest);
        break;
      }
      int cut = rest.length();
      while (cut > 1 && width(rest.substring(0, cut), font, size) > max) {
        // why: step back a whole code point, so a cut never splits a surrogate pair.
        cut = rest.offsetByCodePoints(cut, -1);
      }
      if (cut == 0) {
        cut = rest.offsetByCodePoints(0, 1);
      }
      int space = rest.lastIndexOf(' ', cut);
      int at = space > 0 ? space : cut;
      lines.add(rest.substring(0, at).strip());
      rest = rest.substring(at).strip();
    }
    if (lines.isEmpty()) {
      lines.add("");
    }
    return lines;
  }

  private void render(
      PDDocument doc, String title, List<String> meta, Table table, PDRectangle paper)
      throws IOException {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("Trainproof reporting");
    // Landscape: the portrait page turned, so its height is the width.
    float width = paper.getHeight();
    float height = paper.getWidth();
    PDRectangle size = new PDRectangle(width, height);
    float usable = size.getWidth() - 2 * MARGIN;
    float[] widths = columnWidths(table, usable);

    PDPage page = new PDPage(size);
    doc.addPage(page);
    PDPageContentStream cs = new PDPageContentStream(doc, page);
    float y = size.getHeight() - MARGIN;
    text(cs, bold, 14, MARGIN, y - 14, printable(title, bold));
    y -= 24;
    for (String line : meta) {
      for (String l : wrap(line, regular, 9, usable)) {
        text(cs, regular, 9, MARGIN, y - 9, l);
        y -= 12;
      }
    }
    y -= 6;
    y = headerRow(cs, table.columns(), widths, y);
    for (List<String> row : table.rows()) {
      List<List<String>> cells = wrapCells(row, regular, widths);
      float h = height(cells);
      if (y - h < MARGIN + 14) {
        cs.close();
        page = new PDPage(size);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = headerRow(cs, table.columns(), widths, size.getHeight() - MARGIN);
      }
      drawCells(cs, regular, cells, widths, y);
      y -= h;
      cs.setLineWidth(0.3f);
      cs.moveTo(MARGIN, y);
      cs.lineTo(MARGIN + usable, y);
      cs.stroke();
    }
    if (table.rows().isEmpty()) {
      text(cs, regular, 9, MARGIN, y - 14, "No records.");
    }
    cs.close();
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream footer =
          new PDPageContentStream(
              doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        text(
            footer,
            regular,
            8,
            MARGIN,
            MARGIN / 2,
            printable(title, regular) + " - page " + (i + 1) + " of " + n);
      }
    }
  }

  private float headerRow(PDPageContentStream cs, List<String> columns, float[] widths, float top)
      throws IOException {
    List<List<String>> cells = wrapCells(columns, bold, widths);
    float h = height(cells);
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    cs.setNonStrokingColor(0.92f, 0.93f, 0.95f);
    cs.addRect(MARGIN, top - h, total, h);
    cs.fill();
    cs.setNonStrokingColor(0f, 0f, 0f);
    drawCells(cs, bold, cells, widths, top);
    return top - h;
  }

  /** Each value wrapped to its column's width (header and body rows alike). */
  private List<List<String>> wrapCells(List<String> values, PDFont font, float[] widths)
      throws IOException {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      cells.add(wrap(values.get(i), font, CELL_FONT, widths[i] - 2 * PAD));
    }
    return cells;
  }

  /** A row's height: its tallest cell (at least one line) and the padding. */
  private static float height(List<List<String>> cells) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines * LEADING + 2 * PAD;
  }

  /** Draws wrapped cells side by side, each line under the last, from a row's top edge. */
  private static void drawCells(
      PDPageContentStream cs, PDFont font, List<List<String>> cells, float[] widths, float top)
      throws IOException {
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      float ty = top - PAD - CELL_FONT;
      for (String l : cells.get(i)) {
        text(cs, font, CELL_FONT, x + PAD, ty, l);
        ty -= LEADING;
      }
      x += widths[i];
    }
  }

  private float[] columnWidths(Table table, float usable) throws IOException {
    int n = table.columns().size();
    float[] want = new float[n];
    for (int i = 0; i < n; i++) {
      want[i] = width(printable(table.columns().get(i), bold), bold, CELL_FONT);
    }
    int sampled = 0;
    for (List<String> row : table.rows()) {
      if (sampled++ > 200) {
        break;
      }
      for (int i = 0; i < n; i++) {
        want[i] =
            Math.max(
                want[i], Math.min(220, width(printable(row.get(i), regular), regular, CELL_FONT)));
      }
    }
    float sum = 0;
    for (int i = 0; i < n; i++) {
      want[i] = Math.max(want[i] + 2 * PAD, 28);
      sum += want[i];
    }
    float scale = usable / sum;
    for (int i = 0; i < n; i++) {
      want[i] *= scale;
    }
    return keepWordsWhole(table, want, usable);
  }

  /**
   * Widens a column whose longest word (a date, a code, "waiver") would not fit, taking the room
   * from columns with more than their own longest word, so that wrapping breaks at spaces and never
   * splits a word or a date. When the words of all columns cannot fit side by side, the widths are
   * left as they are (a word then breaks where it must).
   */
  private float[] keepWordsWhole(Table table, float[] widths, float usable) throws IOException {
    int n = widths.length;
    float[] word = new float[n];
    for (int i = 0; i < n; i++) {
      word[i] = longestWord(table.columns().get(i), bold);
    }
    int sampled = 0;
    for (List<String> row : table.rows()) {
      if (sampled++ > 200) {
        break;
      }
      for (int i = 0; i < n; i++) {
        word[i] = Math.max(word[i], longestWord(row.get(i), regular));
      }
    }
    float needed = 0;
    for (int i = 0; i < n; i++) {
      word[i] = Math.min(word[i] + 2 * PAD + 1, 220);
      needed += word[i];
    }
    if (needed > usable) {
      return widths;
    }
    float deficit = 0;
    float slack = 0;
    for (int i = 0; i < n; i++) {
      if (widths[i] < word[i]) {
        deficit += word[i] - widths[i];
      } else {
        slack += widths[i] - word[i];
      }
    }
    if (deficit == 0) {
      return widths;
    }
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          widths[i] < word[i] ? word[i] : widths[i] - (widths[i] - word[i]) * (deficit / slack);
    }
    return out;
  }

  private float longestWord(String text, PDFont font) throws IOException {
    float longest = 0;
    for (String w : printable(text, font).split(" ", -1)) {
      longest = Math.max(longest, width(w, font, CELL_FONT));
    }
    return longest;
  }

  static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }
}
