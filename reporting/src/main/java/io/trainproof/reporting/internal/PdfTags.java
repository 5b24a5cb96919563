package io.trainproof.reporting.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Makes a PDF a tagged PDF in the manner of PDF/UA-1 (ISO 14289-1), so that screen readers read it
 * in order and text search works: a structure tree (Document, headings, paragraphs, tables with
 * header cells scoped to their columns) whose elements own every piece of drawn text through
 * marked-content ids, the parent tree that maps them back, page decoration (rules, shading, page
 * footers, repeated header rows) marked as artifacts, the document's language and title (shown by
 * viewers instead of the file name) and XMP metadata that names the PDF/UA part. Not thread-safe:
 * one per document.
 */
final class PdfTags {
  /** Draws the content a marked-content sequence holds. */
  @FunctionalInterface
  interface Drawing {
    void draw() throws IOException;
  }

  private final PDDocument doc;
  private final PDStructureTreeRoot root;
  private final PDStructureElement document;
  private final Map<PDPage, List<PDStructureElement>> byPage = new LinkedHashMap<>();
  private final Map<PDPage, Integer> keys = new HashMap<>();

  private PdfTags(PDDocument doc, PDStructureTreeRoot root, PDStructureElement document) {
    this.doc = doc;
    this.root = root;
    this.document = document;
  }

  /**
   * Starts the structure of a document and writes its language, title and metadata.
   *
   * @param doc the document, with no pages yet
   * @param title the document's title
   * @param language the reader's language
   * @return the tags
   * @throws IOException when the metadata cannot be written
   */
  static PdfTags start(PDDocument doc, String title, Locale language) throws IOException {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    PDStructureTreeRoot root = new PDStructureTreeRoot();
    catalog.setStructureTreeRoot(root);
    PDMarkInfo mark = new PDMarkInfo();
    mark.setMarked(true);
    catalog.setMarkInfo(mark);
    catalog.setLanguage(language.toLanguageTag());
    PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
    prefs.setDisplayDocTitle(true);
    catalog.setViewerPreferences(prefs);
    doc.getDocumentInformation().setTitle(title);
    PDMetadata metadata = new PDMetadata(doc, new ByteArrayInputStream(xmp(title)));
    catalog.setMetadata(metadata);
    PDStructureElement document = new PDStructureElement("Document", root);
    root.appendKid(document);
    return new PdfTags(doc, root, document);
  }

  /**
   * @return the Document element, parent of everything else
   */
  PDStructureElement document() {
    return document;
  }

  /**
   * Adds a structure element.
   *
   * @param parent its parent
   * @param type its standard type (H1, P, Table, TR, TH, TD, Figure, ...)
   * @return the element
   */
  PDStructureElement add(PDStructureElement parent, String type) {
    PDStructureElement e = new PDStructureElement(type, parent);
    parent.appendKid(e);
    if ("TH".equals(type)) {
      PDTableAttributeObject scope = new PDTableAttributeObject();
      scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
      e.addAttribute(scope);
    }
    return e;
  }

  /**
   * Draws content owned by a structure element, in a marked-content sequence with the next id on
   * its page.
   *
   * @param cs the page's content stream
   * @param page the page
   * @param owner the element that owns the content
   * @param drawing what to draw
   * @throws IOException when writing fails
   */
  void content(PDPageContentStream cs, PDPage page, PDStructureElement owner, Drawing drawing)
      throws IOException {
    List<PDStructureElement> ids = byPage.computeIfAbsent(page, p -> new ArrayList<>());
    int mcid = ids.size();
    ids.add(owner);
    keys.computeIfAbsent(page, p -> keys.size());
    cs.beginMarkedContent(COSName.getPDFName(owner.getStructureType()), mcid);
    drawing.draw();
    cs.endMarkedContent();
    if (owner.getPage() == null) {
      owner.setPage(page);
    }
    if (page.equals(owner.getPage())) {
      owner.appendKid(mcid);
    } else {
      PDMarkedContentReference ref = new PDMarkedContentReference();
      ref.setMCID(mcid);
      ref.setPage(page);
      owner.appendKid(ref);
    }
  }

  /**
   * Draws page decoration that a reader should skip (rules, shading, footers, a repeated header).
   *
   * @param cs the page's content stream
   * @param drawing what to draw
   * @throws IOException when writing fails
   */
  static void artifact(PDPageContentStream cs, Drawing drawing) throws IOException {
    cs.beginMarkedContent(COSName.ARTIFACT);
    drawing.draw();
    cs.endMarkedContent();
  }

  /** Writes the parent tree; call once, after the last page is drawn and before saving. */
  void finish() {
    Map<Integer, COSObjectable> numbers = new HashMap<>();
    for (Map.Entry<PDPage, List<PDStructureElement>> e : byPage.entrySet()) {
      int key = keys.getOrDefault(e.getKey(), 0);
      e.getKey().setStructParents(key);
      COSArray elements = new COSArray();
      for (PDStructureElement s : e.getValue()) {
        elements.add(s);
      }
      numbers.put(key, elements);
    }
    PDNumberTreeNode tree = new PDNumberTreeNode(PDStructureNode.class);
    tree.setNumbers(numbers);
    root.setParentTree(tree);
    root.setParentTreeNextKey(keys.size());
    // why: every page is tagged content or artifacts; viewers read in structure order.
    for (PDPage page : doc.getPages()) {
      page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
    }
  }

  private static byte[] xmp(String title) {
    String t = escape(title);
    String xml =
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            + "  <rdf:Description rdf:about=\"\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
            + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
            + " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
            + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
            + t
            + "</rdf:li></rdf:Alt></dc:title>\n"
            + "   <pdf:Producer>Trainproof reporting</pdf:Producer>\n"
            + "   <xmp:CreatorTool>Trainproof reporting</xmp:CreatorTool>\n"
            + "   <pdfuaid:part>1</pdfuaid:part>\n"
            + "  </rdf:Description>\n"
            + " </rdf:RDF>\n"
            + "</x:xmpmeta>\n"
            + "<?xpacket end=\"w\"?>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                  // XML 1.0 has no place for most control characters; a title never needs one.
                  if (c >= 0x20 || c == '\t') {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.toString();
  }
}
