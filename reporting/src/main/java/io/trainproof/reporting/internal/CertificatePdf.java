package io.trainproof.reporting.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.trainproof.reporting.report.Labels;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.jspecify.annotations.Nullable;

/**
 * Draws a certificate page. The QR code is drawn as vector squares from ZXing's bit matrix, so no
 * image library (and no AWT) is needed and it prints sharp at any size. Stateless.
 */
public final class CertificatePdf {
  private CertificatePdf() {}

  /**
   * What the page states.
   *
   * @param organization the issuer
   * @param member the member's name
   * @param externalId the member's HR id
   * @param course the course title
   * @param courseCode the course code
   * @param courseVersion the version label
   * @param validFrom first valid date (the completion)
   * @param validUntil last valid date, if it expires
   * @param status its status on {@code statusOn}
   * @param statusOn the date printed
   * @param credentialId the credential's id
   * @param verificationCode the code
   * @param verificationUrl the URL the QR code carries
   * @param zone the issuer's time zone, whose calendar dates the page prints
   */
  public record Content(
      String organization,
      String member,
      String externalId,
      String course,
      String courseCode,
      String courseVersion,
      LocalDate validFrom,
      @Nullable LocalDate validUntil,
      String status,
      LocalDate statusOn,
      String credentialId,
      String verificationCode,
      String verificationUrl,
      ZoneId zone) {}

  /**
   * Writes the page in English on US Letter.
   *
   * @param c the content
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(Content c, OutputStream out) throws IOException {
    write(c, Labels.english(), out);
  }

  /**
   * Writes the page in the reader's language, on the paper the reader's locale uses (US Letter in
   * the United States, A4 where the locale prints on it), tagged for screen readers and search.
   *
   * @param c the content
   * @param labels the reader's labels
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(Content c, Labels labels, OutputStream out) throws IOException {
    BitMatrix qr;
    try {
      qr =
          new QRCodeWriter()
              .encode(
                  c.verificationUrl(),
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IOException("the verification URL does not fit a QR code", e);
    }
    try (PDDocument doc = new PDDocument()) {
      PdfRenderer text = PdfRenderer.forDocument(doc);
      PdfFace regular = text.regular();
      PdfFace bold = text.bold();
      String title = labels.phrase("certificate_title", c.verificationCode());
      PdfTags tags = PdfTags.start(doc, title, labels.locale());
      doc.getDocumentInformation().setCreator("Trainproof reporting");
      doc.getDocumentInformation().setProducer("Trainproof reporting");
      PDRectangle paper = PdfRenderer.paper(labels.locale());
      PDPage page = new PDPage(paper);
      doc.addPage(page);
      float w = paper.getWidth();
      float h = paper.getHeight();
      PDStructureElement root = tags.document();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        PdfTags.artifact(
            cs,
            () -> {
              cs.setLineWidth(2);
              cs.addRect(30, 30, w - 60, h - 60);
              cs.stroke();
            });
        Line line =
            (type, face, size, y, s) -> centered(tags, root, type, cs, page, face, size, w, y, s);
        line.draw("H1", bold, 26, h - 110, labels.word("certificate_heading"));
        line.draw("P", regular, 13, h - 150, labels.phrase("certifies_that", c.organization()));
        line.draw("P", bold, 22, h - 195, c.member());
        line.draw("P", regular, 11, h - 215, "(" + c.externalId() + ")");
        line.draw("P", regular, 13, h - 250, labels.word("completed_the_course"));
        line.draw("P", bold, 17, h - 285, c.course());
        line.draw(
            "P",
            regular,
            11,
            h - 305,
            labels.phrase("course_version", c.courseCode(), c.courseVersion()));
        float y = h - 350;
        String[][] rows = {
          {labels.word("completed_on"), c.validFrom().toString()},
          {
            labels.word("valid_until"),
            c.validUntil() == null ? labels.word("does_not_expire") : c.validUntil().toString()
          },
          {labels.phrase("status_on", c.statusOn()), c.status()},
          {labels.word("credential"), c.credentialId()},
          {labels.word("verification_code"), c.verificationCode()},
        };
        // The values start after the widest label and a gap, so no label runs into its value
        // ("Status on 2026-12-06" is wider than the others).
        float labelWidth = 0;
        for (String[] r : rows) {
          labelWidth = Math.max(labelWidth, bold.width(r[0], 11));
        }
        float valueX = Math.max(220, 90 + labelWidth + 14);
        PDStructureElement table = tags.add(root, "Table");
        for (String[] r : rows) {
          PDStructureElement tr = tags.add(table, "TR");
          float ry = y;
          PDStructureElement th = tags.add(tr, "TH");
          tags.content(cs, page, th, () -> bold.draw(cs, 11, 90, ry, r[0]));
          PDStructureElement td = tags.add(tr, "TD");
          tags.content(cs, page, td, () -> regular.draw(cs, 11, valueX, ry, r[1]));
          y -= 18;
        }
        float size = 170;
        float module = size / qr.getWidth();
        float x0 = (w - size) / 2;
        float y0 = 120;
        PDStructureElement figure = tags.add(root, "Figure");
        figure.setAlternateDescription(labels.phrase("qr_description", c.verificationUrl()));
        tags.content(
            cs,
            page,
            figure,
            () -> {
              cs.setNonStrokingColor(0f, 0f, 0f);
              for (int row = 0; row < qr.getHeight(); row++) {
                for (int col = 0; col < qr.getWidth(); col++) {
                  if (qr.get(col, row)) {
                    cs.addRect(x0 + col * module, y0 + size - (row + 1) * module, module, module);
                  }
                }
              }
              cs.fill();
            });
        line.draw("P", regular, 9, 100, labels.phrase("verify_at", c.verificationUrl()));
        line.draw("P", regular, 8, 86, labels.word("scan_hint"));
        // One date rule, stated: the page, the verification page and the report give the same
        // calendar dates, in the issuer's zone.
        line.draw("P", regular, 8, 74, labels.phrase("date_rule", c.zone().getId()));
      }
      tags.finish();
      doc.save(out);
    }
  }

  /** Draws one centred line as a structure element of the page. */
  @FunctionalInterface
  private interface Line {
    void draw(String type, PdfFace face, float size, float y, String s) throws IOException;
  }

  private static void centered(
      PdfTags tags,
      PDStructureElement parent,
      String type,
      PDPageContentStream cs,
      PDPage page,
      PdfFace face,
      float size,
      float pageW,
      float y,
      String s)
      throws IOException {
    float tw = face.width(s, size);
    tags.content(
        cs, page, tags.add(parent, type), () -> face.draw(cs, size, (pageW - tw) / 2, y, s));
  }
}
