package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificatePrinterTest {

  /** Issues deterministic, unsigned credentials: the printer only needs their id and code. */
  static final class StubIssuer implements CredentialIssuer {
    @Override
    public int statusListSize() {
      return 1024;
    }

    @Override
    public Issued issueCertificate(CertificateClaims c) {
      String id = "urn:uuid:" + c.certificateId();
      return new Issued(
          id,
          "{\"id\":\"" + id + "\"}",
          "TP-" + (1000 + c.statusIndex()),
          "did:example:stub#key-1");
    }

    @Override
    public Issued sealAttestation(AttestationClaims c) {
      return new Issued("urn:uuid:" + c.attestationId(), "{}", null, "did:example:stub#key-1");
    }

    @Override
    public Issued statusListCredential(
        Id<Organization> organization, String purpose, List<Integer> setIndexes) {
      return new Issued("https://stub.example/status/" + purpose, "{}", null, "did:example:k#1");
    }
  }

  @Test
  void aCertificateReadsInTheReadersLanguageOnThePaperItsLocaleUses() throws Exception {
    Clinic clinic = new Clinic(new StubIssuer());
    Certificate cert = clinic.tp.certificates().forMember(clinic.officer, clinic.a.id()).get(0);
    for (var c :
        List.of(
            Map.entry(Locale.forLanguageTag("es-US"), PDRectangle.LETTER),
            Map.entry(Locale.forLanguageTag("es-ES"), PDRectangle.A4),
            Map.entry(Locale.UK, PDRectangle.A4))) {
      Reporting reporting =
          Reporting.builder(clinic.tp)
              .clock(clinic.clock)
              .locale(c.getKey())
              .verificationUrl("https://verify.example.com/certificates")
              .build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reporting.certificates().pdf(clinic.officer, cert.verificationCode(), out);
      String text = PdfChecks.check(out.toByteArray(), "certificate " + c.getKey());
      try (var doc = Loader.loadPDF(out.toByteArray())) {
        assertThat(doc.getPage(0).getMediaBox().getWidth())
            .as("%s", c.getKey())
            .isEqualTo(c.getValue().getWidth());
        assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo(c.getKey().toLanguageTag());
      }
      if (c.getKey().getLanguage().equals("es")) {
        assertThat(text)
            .contains("Certificado de finalización", "Completado el 2026-02-01", "Verifique en")
            .doesNotContain("Certificate of Completion", "Completed on");
      } else {
        assertThat(text).contains("Certificate of Completion", "Completed on 2026-02-01");
      }
    }
  }

  @Test
  void thePrintedCertificateStatesTheFactsAndItsQrCodeCarriesTheVerificationUrl() throws Exception {
    Clinic clinic = new Clinic(new StubIssuer());
    Reporting reporting =
        Reporting.builder(clinic.tp)
            .verificationUrl("https://verify.example.com/certificates")
            .build();
    Certificate cert = clinic.tp.certificates().forMember(clinic.officer, clinic.a.id()).get(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporting.certificates().pdf(clinic.officer, cert.verificationCode(), out);
    Path kept = Path.of(System.getProperty("trainproof.reportDir", "target"), "certificate.pdf");
    Files.createDirectories(kept.getParent());
    Files.write(kept, out.toByteArray());

    String url = "https://verify.example.com/certificates?code=" + cert.verificationCode();
    PdfChecks.check(out.toByteArray(), "certificate");
    try (var doc = Loader.loadPDF(out.toByteArray())) {
      assertThat(doc.getPage(0).getMediaBox().getWidth())
          .as("US Letter for a US reader")
          .isEqualTo(PDRectangle.LETTER.getWidth());
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "Certificate of Completion",
              clinic.a.displayName(),
              "PRIV-101 course",
              cert.verificationCode(),
              cert.credentialId(),
              "Completed on 2026-02-01",
              "Verify at " + url);
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
      int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
      var bitmap =
          new BinaryBitmap(
              new HybridBinarizer(
                  new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
      assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(url);
    }

    assertThatThrownBy(
            () ->
                reporting
                    .certificates()
                    .pdf(clinic.officer, "NO-SUCH-CODE", new ByteArrayOutputStream()))
        .isInstanceOf(NotFoundException.class);
  }
}
