package io.trainproof.reporting.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
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
   * Writes the page.
   *
   * @param c the content
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(Content c, OutputStream out) throws IOException {
    BitMatrix qr;
    try {
      qr =
          new QRCodeWriter()
              .encode(
                  c.verificationUrl(),
                  com.google.zxing.BarcodeFormat.QR_CODE,
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
      PDFont regular = text.regular();
      PDFont bold = text.bold();
      doc.getDocumentInformation().setTitle("Certificate " + c.verificationCode());
      doc.getDocumentInformation().setCreator("Trainproof reporting");
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float w = PDRectangle.A4.getWidth();
      float h = PDRectangle.A4.getHeight();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.setLineWidth(2);
        cs.addRect(30, 30, w - 60, h - 60);
        cs.stroke();
        centered(cs, text, bold, 26, w, h - 110, "Certificate of Completion");
        centered(
            cs,
            text,
            regular,
            13,
            w,
            h - 150,
            text.printable(c.organization(), regular) + " certifies that");
        centered(cs, text, bold, 22, w, h - 195, text.printable(c.member(), bold));
        centered(
            cs, text, regular, 11, w, h - 215, "(" + text.printable(c.externalId(), regular) + ")");
        centered(cs, text, regular, 13, w, h - 250, "completed the training course");
        centered(cs, text, bold, 17, w, h - 285, text.printable(c.course(), bold));
        centered(
            cs,
            text,
            regular,
            11,
            w,
            h - 305,
            text.printable(c.courseCode() + ", version " + c.courseVersion(), regular));
        float y = h - 350;
        String[][] rows = {
          {"Completed on", c.validFrom().toString()},
          {"Valid until", c.validUntil() == null ? "does not expire" : c.validUntil().toString()},
          {"Status on " + c.statusOn(), c.status()},
          {"Credential", c.credentialId()},
          {"Verification code", c.verificationCode()},
        };
        // The values start after the widest label and a gap, so no label runs into its value
        // ("Status on 2026-12-06" is wider than the others).
        float labels = 0;
        for (String[] r : rows) {
          labels = Math.max(labels, bold.getStringWidth(text.printable(r[0], bold)) / 1000 * 11);
        }
        float valueX = Math.max(220, 90 + labels + 14);
        for (String[] r : rows) {
          PdfRenderer.text(cs, bold, 11, 90, y, text.printable(r[0], bold));
          PdfRenderer.text(cs, regular, 11, valueX, y, text.printable(r[1], regular));
          y -= 18;
        }
        float size = 170;
        float module = size / qr.getWidth();
        float x0 = (w - size) / 2;
        float y0 = 120;
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < qr.getHeight(); row++) {
          for (int col = 0; col < qr.getWidth(); col++) {
            if (qr.get(col, row)) {
              cs.addRect(x0 + col * module, y0 + size - (row + 1) * module, module, module);
            }
          }
        }
        cs.fill();
        centered(
            cs,
            text,
            regular,
            9,
            w,
            100,
            "Verify at " + text.printable(c.verificationUrl(), regular));
        centered(
            cs,
            text,
            regular,
            8,
            w,
            86,
            "Scan the code or enter the verification code on the issuer's verification page.");
        // One date rule, stated: the page, the verification page and the report give the same
        // calendar dates, in the issuer's zone.
        centered(
            cs,
            text,
            regular,
            8,
            w,
            74,
            "Dates are calendar dates in "
                + text.printable(c.zone().getId(), regular)
                + ", as on the verification page.");
      }
      doc.save(out);
    }
  }

  private static void centered(
      PDPageContentStream cs,
      PdfRenderer t,
      PDFont font,
      float size,
      float pageW,
      float y,
      String s)
      throws IOException {
    float tw = t.width(s, font, size);
    PdfRenderer.text(cs, font, size, (pageW - tw) / 2, y, s);
  }
}
