package io.trainproof.reporting.internal;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * One typeface of a PDF document (regular or bold) as a chain of bundled Noto fonts, so that the
 * names a US clinic has print as written: Noto Sans for Latin (Vietnamese included), Greek and
 * Cyrillic; Noto Sans Arabic and Noto Sans Hebrew; Noto Sans SC for Chinese and Japanese (kana and
 * kanji); Noto Sans KR for Korean; DejaVu Sans last, for the scripts it has and Noto Sans has not
 * (Armenian, Georgian). A fallback font is read and embedded only when the document's text needs
 * it, and each is embedded as a subset. A character no bundled font has (an emoji) prints as {@code
 * ?}.
 *
 * <p>Text is composed (NFC) before it is measured. Arabic is shaped into its joined letter forms
 * and right-to-left runs are put in visual order (ICU4J), as a PDF shows glyphs in the order they
 * are drawn; text extraction (PDFBox's, a screen reader's) gives the letters back in reading order.
 * No ligature is ever formed for Latin text: "fi" is drawn as two glyphs, so extracted text and
 * search find the words as written.
 *
 * <p>Not thread-safe: one per document.
 */
final class PdfFace {
  private static final String FONTS = "/io/trainproof/reporting/fonts/";

  /** Bundled font files read once per class loader, as the CJK ones are large (6 to 11 MB). */
  private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

  private enum Fallback {
    ARABIC,
    HEBREW,
    CJK,
    KOREAN,
    OTHER
  }

  private final PDDocument doc;
  private final String primaryFile;
  private final Map<Fallback, String> fallbackFiles;
  private final PDFont primary;
  private final Map<Fallback, PDFont> loaded = new HashMap<>();
  private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();

  private PdfFace(PDDocument doc, String primaryFile, Map<Fallback, String> fallbackFiles)
      throws IOException {
    this.doc = doc;
    this.primaryFile = primaryFile;
    this.fallbackFiles = fallbackFiles;
    this.primary = load(primaryFile);
  }

  /**
   * The regular face, embedded in a document.
   *
   * @param doc the document
   * @return the face
   * @throws IOException when a bundled font cannot be read
   */
  static PdfFace regular(PDDocument doc) throws IOException {
    return new PdfFace(
        doc,
        "NotoSans-Regular.ttf",
        Map.of(
            Fallback.ARABIC, "NotoSansArabic-Regular.ttf",
            Fallback.HEBREW, "NotoSansHebrew-Regular.ttf",
            Fallback.CJK, "NotoSansSC-Regular.ttf",
            Fallback.KOREAN, "NotoSansKR-Regular.ttf",
            Fallback.OTHER, "DejaVuSans.ttf"));
  }

  /**
   * The bold face, embedded in a document. Chinese, Japanese and Korean are set in the regular
   * weight (a bold CJK font would add 16 MB to the jar for headings).
   *
   * @param doc the document
   * @return the face
   * @throws IOException when a bundled font cannot be read
   */
  static PdfFace bold(PDDocument doc) throws IOException {
    return new PdfFace(
        doc,
        "NotoSans-Bold.ttf",
        Map.of(
            Fallback.ARABIC, "NotoSansArabic-Bold.ttf",
            Fallback.HEBREW, "NotoSansHebrew-Bold.ttf",
            Fallback.CJK, "NotoSansSC-Regular.ttf",
            Fallback.KOREAN, "NotoSansKR-Regular.ttf",
            Fallback.OTHER, "DejaVuSans-Bold.ttf"));
  }

  private PDFont load(String file) throws IOException {
    byte[] bytes;
    try {
      bytes = FILES.computeIfAbsent(file, PdfFace::read);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // why: the document owns (and closes) the copy PDFBox makes of the stream's bytes.
    return PDType0Font.load(doc, new ByteArrayInputStream(bytes), true);
  }

  private static byte[] read(String file) {
    try (InputStream in = PdfFace.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IOException("the bundled font " + file + " is missing from the reporting jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stretch of text drawn in one font. */
  record Run(PDFont font, String text) {}

  /**
   * The text as it will be drawn: composed, line breaks and tabs as spaces, Arabic shaped, right-
   * to-left stretches in visual order, and each character that no font has replaced by {@code ?}.
   *
   * @param text the text in reading order
   * @return the runs, left to right
   * @throws IOException when a fallback font cannot be read
   */
  List<Run> runs(String text) throws IOException {
    String visual = visual(text);
    List<Run> runs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    PDFont currentFont = primary;
    int i = 0;
    while (i < visual.length()) {
      int cp = visual.codePointAt(i);
      i += Character.charCount(cp);
      PDFont font = fontFor(cp);
      String s;
      if (font == null) {
        font = primary;
        s = "?";
      } else {
        s = new String(Character.toChars(cp));
      }
      // Spaces and marks stay with the run they are in, so a name in one script is one run.
      if (!font.equals(currentFont) && !(cp == ' ' && canEncode(currentFont, ' '))) {
        if (current.length() > 0) {
          runs.add(new Run(currentFont, current.toString()));
          current.setLength(0);
        }
        currentFont = font;
      }
      current.append(s);
    }
    if (current.length() > 0 || runs.isEmpty()) {
      runs.add(new Run(currentFont, current.toString()));
    }
    return runs;
  }

  /**
   * The text with characters no font has replaced by {@code ?}, in reading order, composed, and
   * with line breaks and tabs as spaces: what a reader will find in the document.
   *
   * @param text the text
   * @return the printable text
   * @throws IOException when a fallback font cannot be read
   */
  String printable(String text) throws IOException {
    String clean = clean(text);
    StringBuilder b = new StringBuilder(clean.length());
    int i = 0;
    while (i < clean.length()) {
      int cp = clean.codePointAt(i);
      i += Character.charCount(cp);
      if (fontFor(cp) == null) {
        b.append('?');
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }

  /**
   * The width of text as it will be drawn.
   *
   * @param text the text in reading order
   * @param size the font size
   * @return the width in points
   * @throws IOException when a fallback font cannot be read
   */
  float width(String text, float size) throws IOException {
    float w = 0;
    for (Run r : runs(text)) {
      w += r.font().getStringWidth(r.text()) / 1000f * size;
    }
    return w;
  }

  /**
   * Draws text with its left end at (x, y); the caller has begun no text object.
   *
   * @param cs the content stream
   * @param size the font size
   * @param x left end
   * @param y baseline
   * @param text the text in reading order
   * @throws IOException when writing fails
   */
  void draw(PDPageContentStream cs, float size, float x, float y, String text) throws IOException {
    cs.beginText();
    cs.newLineAtOffset(x, y);
    for (Run r : runs(text)) {
      cs.setFont(r.font(), size);
      cs.showText(r.text());
    }
    cs.endText();
  }

  private static String clean(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(nfc.length());
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      b.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    return b.toString();
  }

  /** Shaped and in visual order, when the text has right-to-left letters; else as it is. */
  private static String visual(String text) {
    String clean = clean(text);
    if (!Bidi.requiresBidi(clean.toCharArray(), 0, clean.length())) {
      return clean;
    }
    String shaped;
    try {
      shaped =
          new ArabicShaping(
                  ArabicShaping.LETTERS_SHAPE
                      | ArabicShaping.TEXT_DIRECTION_LOGICAL
                      | ArabicShaping.LENGTH_GROW_SHRINK)
              .shape(clean);
    } catch (ArabicShapingException e) {
      // why: shaping only fails for a fixed-length option we do not use; unshaped text still
      // reads, letter by letter, so the document is still written.
      shaped = clean;
    }
    Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
    return bidi.writeReordered(Bidi.DO_MIRRORING);
  }

  private @Nullable PDFont fontFor(int cp) throws IOException {
    if (cp == ' ' || canEncode(primary, cp)) {
      return primary;
    }
    Fallback fallback = fallbackFor(cp);
    PDFont font = fallback(fallback);
    if (font != null && canEncode(font, cp)) {
      return font;
    }
    if (fallback != Fallback.OTHER) {
      PDFont other = fallback(Fallback.OTHER);
      if (other != null && canEncode(other, cp)) {
        return other;
      }
    }
    return null;
  }

  private @Nullable PDFont fallback(Fallback which) throws IOException {
    PDFont font = loaded.get(which);
    if (font == null) {
      String file = fallbackFiles.get(which);
      if (file == null || file.equals(primaryFile)) {
        return null;
      }
      font = load(file);
      loaded.put(which, font);
    }
    return font;
  }

  private static Fallback fallbackFor(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return switch (script) {
      case ARABIC -> Fallback.ARABIC;
      case HEBREW -> Fallback.HEBREW;
      case HAN, HIRAGANA, KATAKANA, BOPOMOFO -> Fallback.CJK;
      case HANGUL -> Fallback.KOREAN;
      default -> {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        yield Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION.equals(block)
                || Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS.equals(block)
            ? Fallback.CJK
            : Fallback.OTHER;
      }
    };
  }

  private boolean canEncode(PDFont font, int cp) {
    return encodable
        .computeIfAbsent(font, f -> new HashMap<>())
        .computeIfAbsent(
            cp,
            c -> {
              try {
                font.encode(new String(Character.toChars(c)));
                return true;
              } catch (IllegalArgumentException | IOException e) {
                return false;
              }
            });
  }
}
