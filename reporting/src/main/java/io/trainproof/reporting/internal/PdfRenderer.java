package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.jspecify.annotations.Nullable;

/**
 * Printable PDF (PDFBox): landscape pages (US Letter, or A4 where the reader's locale uses it) with
 * the report's header lines, a table whose cells wrap at spaces, the header row repeated on each
 * page, and "page n of m" footers. A table too wide for its words at the normal size is set smaller
 * (down to 5 points) so that no word or date is split; only when even that cannot hold the longest
 * words side by side does a word break. Text is set in the bundled Noto fonts (see {@link
 * PdfFace}), embedded as subsets, and the document is tagged for screen readers and search (see
 * {@link PdfTags}). Not thread-safe per instance; {@link #write} creates its own.
 */
public final class PdfRenderer {
  private static final float MARGIN = 36;
  private static final float CELL_FONT = 7.5f;
  private static final float MIN_CELL_FONT = 5f;
  private static final float PAD = 2.5f;
  private static final float MAX_COLUMN = 220;

  /** The widest a single word may make its column: a SHA-256 in hex at the normal size fits. */
  private static final float MAX_WORD = 330;

  private final PdfFace regular;
  private final PdfFace bold;
  private float cellFont = CELL_FONT;

  private PdfRenderer(PDDocument doc) throws IOException {
    this.regular = PdfFace.regular(doc);
    this.bold = PdfFace.bold(doc);
  }

  /**
   * A renderer whose fonts are embedded in a document, for pages drawn by other classes here.
   *
   * @param doc the document the text goes into
   * @return the renderer
   * @throws IOException when the bundled fonts cannot be read
   */
  static PdfRenderer forDocument(PDDocument doc) throws IOException {
    return new PdfRenderer(doc);
  }

  /**
   * @return the regular face, embedded in this renderer's document
   */
  PdfFace regular() {
    return regular;
  }

  /**
   * @return the bold face, embedded in this renderer's document
   */
  PdfFace bold() {
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
    write(report.title(labels), Describe.lines(report, labels), report.table(labels), labels, out);
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
  public static PDRectangle paper(Locale locale) {
    return switch (locale.getCountry()) {
      case "", "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "DO", "PR", "SV", "PA" ->
          PDRectangle.LETTER;
      default -> PDRectangle.A4;
    };
  }

  /**
   * Writes a titled table as PDF in English on US Letter.
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(String title, List<String> meta, Table table, OutputStream out)
      throws IOException {
    write(title, meta, table, Labels.english(), out);
  }

  /**
   * Writes a titled table as PDF on the reader's paper ({@link #paper(Locale)}), turned to
   * landscape, with the page footers in the reader's language.
   *
   * @param title the title
   * @param meta lines under the title
   * @param table the table
   * @param labels the reader's labels
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(
      String title, List<String> meta, Table table, Labels labels, OutputStream out)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      new PdfRenderer(doc).render(doc, title, meta, table, labels);
      doc.save(out);
    }
  }

  List<String> wrap(String text, PdfFace face, float size, float max) throws IOException {
    List<String> lines = new ArrayList<>();
    String rest = face.printable(text);
    while (!rest.isEmpty()) {
      if (face.width(rest, size) <= max) {
        lines.add(rest);
        break;
      }
      int cut = rest.length();
      while (cut > 1 && face.width(rest.substring(0, cut), size) > max) {
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

  private float leading() {
    return cellFont * 9.5f / 7.5f;
  }

  private void render(PDDocument doc, String title, List<String> meta, Table table, Labels labels)
      throws IOException {
    PdfTags tags = PdfTags.start(doc, title, labels.locale());
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setCreator("Trainproof reporting");
    info.setProducer("Trainproof reporting");
    PDRectangle paper = paper(labels.locale());
    // Landscape: the portrait page turned, so its height is the width.
    float landscapeWidth = paper.getHeight();
    float landscapeHeight = paper.getWidth();
    PDRectangle size = new PDRectangle(landscapeWidth, landscapeHeight);
    float usable = size.getWidth() - 2 * MARGIN;
    float[] widths = columnWidths(table, usable);

    PDPage page = new PDPage(size);
    doc.addPage(page);
    PDPageContentStream cs = new PDPageContentStream(doc, page);
    float y = size.getHeight() - MARGIN;
    PDStructureElement heading = tags.add(tags.document(), "H1");
    float titleY = y - 14;
    PDPageContentStream first = cs;
    tags.content(cs, page, heading, () -> bold.draw(first, 14, MARGIN, titleY, title));
    y -= 24;
    for (String line : meta) {
      PDStructureElement p = tags.add(tags.document(), "P");
      for (String l : wrap(line, regular, 9, usable)) {
        float ly = y - 9;
        tags.content(cs, page, p, () -> regular.draw(first, 9, MARGIN, ly, l));
        y -= 12;
      }
    }
    y -= 6;
    PDStructureElement t = tags.add(tags.document(), "Table");
    PDStructureElement headerRow = tags.add(t, "TR");
    y = headerRow(tags, cs, page, headerRow, table.columns(), widths, y);
    for (List<String> row : table.rows()) {
      List<List<String>> cells = wrapCells(row, regular, widths);
      float h = height(cells);
      if (y - h < MARGIN + 14) {
        cs.close();
        page = new PDPage(size);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        // The header row again, for the eye only: the table's structure has it once.
        y = headerRow(null, cs, page, null, table.columns(), widths, size.getHeight() - MARGIN);
      }
      PDStructureElement tr = tags.add(t, "TR");
      drawCells(tags, cs, page, tr, "TD", regular, cells, widths, y);
      y -= h;
      float ruleY = y;
      PDPageContentStream rules = cs;
      PdfTags.artifact(
          cs,
          () -> {
            rules.setLineWidth(0.3f);
            rules.moveTo(MARGIN, ruleY);
            rules.lineTo(MARGIN + usable, ruleY);
            rules.stroke();
          });
    }
    if (table.rows().isEmpty()) {
      PDStructureElement p = tags.add(tags.document(), "P");
      float ly = y - 14;
      PDPageContentStream last = cs;
      tags.content(cs, page, p, () -> regular.draw(last, 9, MARGIN, ly, labels.word("no_records")));
    }
    cs.close();
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream footer =
          new PDPageContentStream(
              doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        String text = labels.phrase("page_footer", title, i + 1, n);
        PdfTags.artifact(footer, () -> regular.draw(footer, 8, MARGIN, MARGIN / 2, text));
      }
    }
    tags.finish();
  }

  /**
   * Draws the header row; with no tags, as an artifact (a repeat on a later page).
   *
   * @return the y of the row's bottom edge
   */
  private float headerRow(
      @Nullable PdfTags tags,
      PDPageContentStream cs,
      PDPage page,
      @Nullable PDStructureElement row,
      List<String> columns,
      float[] widths,
      float top)
      throws IOException {
    List<List<String>> cells = wrapCells(columns, bold, widths);
    float h = height(cells);
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    float width = total;
    PdfTags.artifact(
        cs,
        () -> {
          cs.setNonStrokingColor(0.92f, 0.93f, 0.95f);
          cs.addRect(MARGIN, top - h, width, h);
          cs.fill();
          cs.setNonStrokingColor(0f, 0f, 0f);
        });
    if (tags == null || row == null) {
      PdfTags.artifact(cs, () -> drawCells(null, cs, page, null, "TH", bold, cells, widths, top));
    } else {
      drawCells(tags, cs, page, row, "TH", bold, cells, widths, top);
    }
    return top - h;
  }

  /** Each value wrapped to its column's width (header and body rows alike). */
  private List<List<String>> wrapCells(List<String> values, PdfFace face, float[] widths)
      throws IOException {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      cells.add(wrap(values.get(i), face, cellFont, widths[i] - 2 * PAD));
    }
    return cells;
  }

  /** A row's height: its tallest cell (at least one line) and the padding. */
  private float height(List<List<String>> cells) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines * leading() + 2 * PAD;
  }

  /**
   * Draws wrapped cells side by side, each line under the last, from a row's top edge; each cell a
   * structure element of the row when tagged.
   */
  private void drawCells(
      @Nullable PdfTags tags,
      PDPageContentStream cs,
      PDPage page,
      @Nullable PDStructureElement row,
      String type,
      PdfFace face,
      List<List<String>> cells,
      float[] widths,
      float top)
      throws IOException {
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      float cx = x;
      List<String> lines = cells.get(i);
      PdfTags.Drawing drawing =
          () -> {
            float ty = top - PAD - cellFont;
            for (String l : lines) {
              face.draw(cs, cellFont, cx + PAD, ty, l);
              ty -= leading();
            }
          };
      if (tags == null || row == null) {
        drawing.draw();
      } else {
        tags.content(cs, page, tags.add(row, type), drawing);
      }
      x += widths[i];
    }
  }

  private float[] columnWidths(Table table, float usable) throws IOException {
    cellFont = fittingSize(table, usable);
    int n = table.columns().size();
    float[] want = new float[n];
    for (int i = 0; i < n; i++) {
      want[i] = bold.width(table.columns().get(i), cellFont);
    }
    int sampled = 0;
    for (List<String> row : table.rows()) {
      if (sampled++ > 200) {
        break;
      }
      for (int i = 0; i < n; i++) {
        want[i] = Math.max(want[i], Math.min(MAX_COLUMN, regular.width(row.get(i), cellFont)));
      }
    }
    float sum = 0;
    for (int i = 0; i < n; i++) {
      want[i] = Math.max(want[i] + 2 * PAD, 28 * cellFont / CELL_FONT);
      sum += want[i];
    }
    float scale = usable / sum;
    for (int i = 0; i < n; i++) {
      want[i] *= scale;
    }
    return keepWordsWhole(table, want, usable);
  }

  /**
   * The cell font size at which the longest words of all columns fit side by side: the normal size
   * when they do, smaller (not below {@link #MIN_CELL_FONT}) when the table is too wide for them.
   */
  private float fittingSize(Table table, float usable) throws IOException {
    float[] word = longestWords(table, CELL_FONT);
    float needed = 0;
    for (float w : word) {
      needed += w;
    }
    if (needed <= usable) {
      return CELL_FONT;
    }
    // Widths scale with the size; the padding does not.
    float pads = word.length * (2 * PAD + 1);
    float scale = (usable - pads) / Math.max(1, needed - pads);
    return Math.max(MIN_CELL_FONT, (float) Math.floor(CELL_FONT * scale * 10) / 10);
  }

  /** Per column, the width its longest word needs at a size, with padding, at most one column. */
  private float[] longestWords(Table table, float size) throws IOException {
    int n = table.columns().size();
    float[] word = new float[n];
    for (int i = 0; i < n; i++) {
      word[i] = longestWord(table.columns().get(i), bold, size);
    }
    int sampled = 0;
    for (List<String> row : table.rows()) {
      if (sampled++ > 200) {
        break;
      }
      for (int i = 0; i < n; i++) {
        word[i] = Math.max(word[i], longestWord(row.get(i), regular, size));
      }
    }
    for (int i = 0; i < n; i++) {
      word[i] = Math.min(word[i] + 2 * PAD + 1, MAX_WORD);
    }
    return word;
  }

  /**
   * Widens a column whose longest word (a date, a code, "waiver") would not fit, taking the room
   * from columns with more than their own longest word, so that wrapping breaks at spaces and never
   * splits a word or a date. When the words of all columns cannot fit side by side even at the
   * smallest size, the widths are left as they are (a word then breaks where it must).
   */
  private float[] keepWordsWhole(Table table, float[] widths, float usable) throws IOException {
    int n = widths.length;
    float[] word = longestWords(table, cellFont);
    float needed = 0;
    for (int i = 0; i < n; i++) {
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

  private static float longestWord(String text, PdfFace face, float size) throws IOException {
    float longest = 0;
    for (String w : face.printable(text).split(" ", -1)) {
      longest = Math.max(longest, face.width(w, size));
    }
    return longest;
  }
}
