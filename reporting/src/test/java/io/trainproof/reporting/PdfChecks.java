package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What every PDF the SDK writes must be, checked from the file alone: every font embedded, tagged
 * (a structure tree, every piece of drawn text inside marked content that the tree owns or that is
 * marked as an artifact), the language and title set, PDF/UA named in the metadata, no ligature in
 * the extracted text and no date cut at the end of a line.
 */
final class PdfChecks {
  private static final Pattern CUT_DATE =
      Pattern.compile("(?m)(^|\\s)\\d{4}-(\\d{0,1}|\\d{2}-\\d{0,1})$");
  private static final Pattern LIGATURE = Pattern.compile("[\\uFB00-\\uFB06]");
  private static final List<String> SHOWS_TEXT = List.of("Tj", "TJ", "'", "\"");

  private PdfChecks() {}

  /**
   * Checks a PDF and returns its text.
   *
   * @param pdf the file
   * @param name what it is, for messages
   * @return the extracted text
   */
  static String check(byte[] pdf, String name) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).as("%s is marked as tagged", name).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).as("%s Marked", name).isTrue();
      assertThat(catalog.getLanguage()).as("%s language", name).isNotBlank();
      assertThat(doc.getDocumentInformation().getTitle()).as("%s title", name).isNotBlank();
      assertThat(catalog.getViewerPreferences().displayDocTitle())
          .as("%s shows its title", name)
          .isTrue();
      String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).as("%s metadata", name).contains("<pdfuaid:part>1</pdfuaid:part>");
      PDStructureTreeRoot root = catalog.getStructureTreeRoot();
      assertThat(root).as("%s structure tree", name).isNotNull();
      assertThat(root.getKids()).as("%s structure", name).isNotEmpty();
      int pageNo = 0;
      for (PDPage page : doc.getPages()) {
        pageNo++;
        PDResources resources = page.getResources();
        for (COSName fontName : resources.getFontNames()) {
          PDFont font = resources.getFont(fontName);
          assertThat(font.isEmbedded())
              .as("%s page %d font %s is embedded", name, pageNo, font.getName())
              .isTrue();
        }
        COSArray owners = owners(root, page);
        checkContent(page, owners, name + " page " + pageNo);
      }
      String text = new PDFTextStripper().getText(doc);
      assertThat(LIGATURE.matcher(text).find()).as("%s has a ligature in its text", name).isFalse();
      assertThat(CUT_DATE.matcher(text).find())
          .as("%s has a date cut at the end of a line:%n%s", name, text)
          .isFalse();
      return text;
    }
  }

  private static COSArray owners(PDStructureTreeRoot root, PDPage page) throws IOException {
    int key = page.getCOSObject().getInt(COSName.STRUCT_PARENTS, -1);
    assertThat(key).as("page has StructParents").isGreaterThanOrEqualTo(0);
    Object value = root.getParentTree().getValue(key);
    assertThat(value).as("parent tree has the page").isNotNull();
    COSBase base = ((COSObjectable) value).getCOSObject();
    assertThat(base).isInstanceOf(COSArray.class);
    return (COSArray) base;
  }

  /** Every text-showing operator is inside marked content; every id is owned by the tree. */
  private static void checkContent(PDPage page, COSArray owners, String where) throws IOException {
    PDFStreamParser parser = new PDFStreamParser(page);
    Deque<Object> args = new ArrayDeque<>();
    int depth = 0;
    int texts = 0;
    for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
      if (!(token instanceof Operator op)) {
        args.push(token);
        continue;
      }
      switch (op.getName()) {
        case "BMC" -> depth++;
        case "BDC" -> {
          depth++;
          Object props = args.peek();
          if (props instanceof COSDictionary d && d.containsKey(COSName.MCID)) {
            int mcid = d.getInt(COSName.MCID);
            assertThat(mcid).as("%s MCID %d owned", where, mcid).isLessThan(owners.size());
            assertThat(owners.getObject(mcid)).as("%s MCID %d owner", where, mcid).isNotNull();
          }
        }
        case "EMC" -> depth--;
        default -> {
          if (SHOWS_TEXT.contains(op.getName())) {
            texts++;
            assertThat(depth).as("%s: text drawn outside marked content", where).isPositive();
          }
        }
      }
      args.clear();
    }
    assertThat(depth).as("%s: marked content balanced", where).isZero();
    assertThat(texts).as("%s draws text", where).isPositive();
  }
}
