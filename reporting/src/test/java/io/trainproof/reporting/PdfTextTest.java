package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.reporting.internal.CertificatePdf;
import io.trainproof.reporting.internal.PdfRenderer;
import io.trainproof.reporting.report.Table;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Workforce names are not all ASCII: printed reports and certificates keep them. */
class PdfTextTest {
  private static final List<String> NAMES =
      List.of(
          "José Núñez-Peña",
          "Zoë Ångström",
          "Łukasz Wróbel",
          "Ørsted Søren",
          "Иван Петров",
          "Γιώργος Παπαδόπουλος",
          "Nguyễn Thị Hương",
          "Şükrü Çağlar");

  /** The baseline of the first chunk of text that starts with the given words. */
  private static float yOf(List<List<TextPosition>> chunks, String start) {
    return chunks.stream()
        .filter(
            l ->
                l.stream()
                    .map(TextPosition::getUnicode)
                    .reduce("", String::concat)
                    .startsWith(start))
        .findFirst()
        .orElseThrow()
        .get(0)
        .getYDirAdj();
  }

  private static String text(byte[] pdf) throws Exception {
    try (var doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** Names a US clinic has that the Latin, Greek and Cyrillic font alone cannot print. */
  private static final List<String> WORLD_NAMES =
      List.of("王小明", "山田太郎", "やまだ たろう", "김민준", "محمد عبد الله", "דוד כהן", "Հայկ Սարգսյան");

  @Test
  void reportTablesPrintNamesInEveryScriptAClinicHasAsWritten() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (String name : NAMES) {
      rows.add(List.of(name, "ICU"));
    }
    for (String name : WORLD_NAMES) {
      rows.add(List.of(name, "Lab"));
    }
    rows.add(List.of("Ana \uD80C\uDC00 Ruiz", "Lab"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRenderer.write(
        "Résumé of training — Ελληνικά",
        List.of("As of 2026-06-30 · Ω"),
        new Table(List.of("name", "department"), rows),
        out);
    String text = PdfChecks.check(out.toByteArray(), "names");
    assertThat(text)
        .contains(NAMES)
        .contains(WORLD_NAMES)
        .contains("Résumé of training — Ελληνικά", "As of 2026-06-30 · Ω");
    // No glyph in any bundled font (an Egyptian hieroglyph): a '?', never a dropped row or an
    // exception.
    assertThat(text).contains("Ana ? Ruiz");
  }

  @Test
  void theChecksRefuseAnUntaggedPdfWithAFontThatIsNotEmbedded() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(50, 700);
        cs.showText("Due 2026-06-30");
        cs.endText();
      }
      doc.save(out);
    }
    assertThatThrownBy(() -> PdfChecks.check(out.toByteArray(), "plain"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void extractedTextHasNoLigatures() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRenderer.write(
        "Office efficiency",
        List.of("fifteen official affidavits, filed in the flow"),
        new Table(List.of("first", "office"), List.of(List.of("fluffy waffle", "affirmed"))),
        out);
    String text = PdfChecks.check(out.toByteArray(), "ligatures");
    assertThat(text)
        .contains(
            "Office efficiency",
            "fifteen official affidavits, filed in the flow",
            "fluffy waffle",
            "affirmed");
  }

  @Test
  void aWideTableNeverBreaksADateOrAWordAcrossLines() throws Exception {
    List<String> columns = new ArrayList<>();
    List<String> row = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      columns.add("date " + i);
      row.add("2026-06-0" + (i + 1));
    }
    columns.add("kind");
    row.add("waiver");
    for (int i = 0; i < 6; i++) {
      columns.add("note " + i);
      row.add("a long explanation of why the due date moved, written by the approver " + i);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRenderer.write("Wide", List.of(), new Table(columns, List.of(row)), out);
    String text = text(out.toByteArray());
    for (int i = 0; i < 6; i++) {
      assertThat(text).contains("2026-06-0" + (i + 1));
    }
    assertThat(text).contains("waiver");
  }

  @Test
  void aTableTooWideForItsWordsIsSetSmallerInsteadOfSplittingThem() throws Exception {
    List<String> columns = new ArrayList<>();
    List<String> row = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      columns.add("due " + i);
      row.add("2026-06-" + (10 + i));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRenderer.write("Very wide", List.of(), new Table(columns, List.of(row)), out);
    String text = PdfChecks.check(out.toByteArray(), "very wide");
    for (String date : row) {
      assertThat(text).contains(date);
    }
    List<TextPosition> glyphs = new ArrayList<>();
    PDFTextStripper positions =
        new PDFTextStripper() {
          @Override
          protected void writeString(String string, List<TextPosition> g) {
            glyphs.addAll(g);
          }
        };
    try (var doc = Loader.loadPDF(out.toByteArray())) {
      positions.getText(doc);
    }
    float cellSize =
        glyphs.stream()
            .filter(g -> g.getUnicode().equals("6"))
            .map(TextPosition::getFontSizeInPt)
            .min(Float::compare)
            .orElseThrow();
    assertThat(cellSize).as("the cells are set smaller than 7.5 pt").isLessThan(7.5f);
    assertThat(cellSize).as("but not below 5 pt").isGreaterThanOrEqualTo(5f);
  }

  @Test
  void longCellsWithCharactersOutsideTheBasicPlaneWrapWithoutSplittingThem() throws Exception {
    String cell = "𝐀𝐁𝐂".repeat(80) + " " + "Ǆ".repeat(200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRenderer.write(
        "Wrap", List.of(), new Table(List.of("a", "b"), List.of(List.of(cell, "x"))), out);
    String text = text(out.toByteArray()).replaceAll("\\s", "");
    assertThat(text).doesNotContain("\uFFFD");
    assertThat(text.chars().filter(c -> c == 'Ǆ').count()).isEqualTo(200);
  }

  @Test
  void certificatesPrintTheMembersNameAsWritten() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CertificatePdf.write(
        new CertificatePdf.Content(
            "Clínica São José",
            "Zoë Ångström-Łukasiewicz",
            "E-7",
            "Конфиденциальность пациентов",
            "PRIV-101",
            "2",
            LocalDate.of(2026, 2, 1),
            null,
            "VALID",
            LocalDate.of(2026, 6, 30),
            "urn:uuid:1",
            "TP-1001",
            "https://verify.example.com/c?code=TP-1001",
            ZoneId.of("America/Chicago")),
        out);
    assertThat(text(out.toByteArray()))
        .contains(
            "Clínica São José certifies that",
            "Zoë Ångström-Łukasiewicz",
            "Конфиденциальность пациентов",
            "Dates are calendar dates in America/Chicago");

    // Every label ends before its value starts: "Status on 2026-06-30" ran into "Valid".
    List<List<TextPosition>> lines = new ArrayList<>();
    PDFTextStripper positions =
        new PDFTextStripper() {
          @Override
          protected void writeString(String string, List<TextPosition> glyphs) {
            lines.add(List.copyOf(glyphs));
          }
        };
    positions.setSortByPosition(true);
    try (var doc = Loader.loadPDF(out.toByteArray())) {
      positions.getText(doc);
    }
    List<TextPosition> glyphs =
        lines.stream()
            .filter(l -> !l.isEmpty())
            .filter(l -> Math.abs(l.get(0).getYDirAdj() - yOf(lines, "Status on")) < 1)
            .flatMap(List::stream)
            .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj))
            .toList();
    String line = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
    assertThat(line).startsWith("Status on 2026-06-30").contains("VALID");
    TextPosition lastOfLabel = glyphs.get("Status on 2026-06-30".length() - 1);
    TextPosition firstOfValue = glyphs.get(line.indexOf("VALID"));
    assertThat(firstOfValue.getXDirAdj())
        .as("the value starts after the label ends")
        .isGreaterThan(lastOfLabel.getXDirAdj() + lastOfLabel.getWidthDirAdj());
  }
}
