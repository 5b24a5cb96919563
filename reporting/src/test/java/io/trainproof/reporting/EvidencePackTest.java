package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.reporting.evidence.EvidencePack;
import io.trainproof.reporting.evidence.EvidencePackRequest;
import io.trainproof.reporting.evidence.ManifestSignature;
import io.trainproof.reporting.evidence.Sample;
import io.trainproof.reporting.report.DateRange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class EvidencePackTest {
  static final DateRange PERIOD = DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

  @TempDir Path dir;
  Clinic clinic;
  KeyPair keys;
  Reporting reporting;

  @BeforeEach
  void setUp() throws Exception {
    clinic = new Clinic();
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    reporting =
        Reporting.builder(clinic.tp)
            .manifestSigner(
                manifest -> {
                  try {
                    Signature s = Signature.getInstance("Ed25519");
                    s.initSign(keys.getPrivate());
                    s.update(manifest);
                    return new ManifestSignature(
                        "Ed25519",
                        "test-key",
                        Base64.getEncoder().encodeToString(s.sign()),
                        Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
                  } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .build();
  }

  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void aSpanishReadersPackIndexIsInSpanish() throws Exception {
    Reporting spanish =
        Reporting.builder(clinic.tp)
            .clock(clinic.clock)
            .locale(Locale.forLanguageTag("es-US"))
            .build();
    Path target = dir.resolve("es.zip");
    spanish
        .evidencePacks()
        .build(
            clinic.auditor,
            new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.newHires(2, 42)),
            target);
    Map<String, byte[]> files = unzip(target);
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(index)
        .contains(
            "lang=\"es-US\"",
            "Paquete de evidencias de capacitación",
            "Cómo verificar este paquete",
            "Período auditado",
            "qué es",
            "Acuses de recibo de políticas, por miembro y versión de la política (solo la muestra)")
        .doesNotContain(
            "Training evidence pack",
            "How to check this pack",
            "what it is",
            "the sample only",
            "This index");
    String pdf = PdfChecks.check(files.get("index.pdf"), "index.pdf (es)");
    assertThat(pdf).contains("Paquete de evidencias de capacitación", "página 1 de");
  }

  @Test
  void aSampledPackIsOrganizedByCitationHashedAndSigned() throws Exception {
    Path target = dir.resolve("pack.zip");
    EvidencePack pack =
        reporting
            .evidencePacks()
            .build(
                clinic.auditor,
                new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.newHires(2, 42)),
                target);
    assertThat(pack.sampledMembers()).hasSize(2);
    Map<String, byte[]> files = unzip(target);
    // Every printable file in the pack is a tagged PDF with embedded fonts and whole dates.
    long pdfs = 0;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().endsWith(".pdf")) {
        PdfChecks.check(f.getValue(), f.getKey());
        pdfs++;
      }
    }
    assertThat(pdfs).isGreaterThan(10);
    assertThat(files.keySet())
        .contains(
            "index.html",
            "index.pdf",
            "manifest.json",
            "manifest.sig.json",
            "01 164.530(b)(1) training by function/role-content-matrix.csv",
            "02 164.530(b)(2)(i)(B) new-hire training/new-hire-timeliness.pdf",
            "03 164.530(b)(2)(i)(C) retraining after material changes/retraining.csv",
            "04 164.530(b)(2)(ii) and (j)(1) training documentation/credentials/certificates.json",
            "05 164.316(b)(2) policies in force and reviews/policy-versions-in-force.json",
            "07 164.308(a)(5)(ii)(A) security reminders/security-reminder-log.pdf",
            "09 164.530(j) audit trail/chain-verification.json");
    assertThat(files.keySet())
        .filteredOn(p -> p.contains("/transcripts/") && p.endsWith(".pdf"))
        .hasSize(2);

    byte[] manifestBytes = files.get("manifest.json");
    JsonNode manifest = new ObjectMapper().readTree(manifestBytes);
    assertThat(manifest.get("asOf").asText()).isEqualTo("2026-06-30");
    assertThat(manifest.at("/sample/seed").asLong()).isEqualTo(42);
    assertThat(manifest.at("/sample/newHiresInPeriod").asInt()).isEqualTo(4);
    assertThat(manifest.get("files")).hasSize(files.size() - 2);
    for (JsonNode f : manifest.get("files")) {
      byte[] bytes = files.get(f.get("path").asText());
      assertThat(bytes).as(f.get("path").asText()).isNotNull();
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .isEqualTo(f.get("sha256").asText());
    }
    JsonNode sig = new ObjectMapper().readTree(files.get("manifest.sig.json"));
    Signature verify = Signature.getInstance("Ed25519");
    verify.initVerify(
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getDecoder().decode(sig.get("publicKeyBase64").asText()))));
    verify.update(manifestBytes);
    assertThat(verify.verify(Base64.getDecoder().decode(sig.get("signatureBase64").asText())))
        .isTrue();

    JsonNode chain =
        new ObjectMapper().readTree(files.get("09 164.530(j) audit trail/chain-verification.json"));
    assertThat(chain.get("problems")).isEmpty();
    try (var doc = Loader.loadPDF(files.get("index.pdf"))) {
      String text = new PDFTextStripper().getText(doc);
      // Every file's hash reads whole in the printed index: a hash is a word, never split.
      for (JsonNode f : manifest.get("files")) {
        if (!f.get("path").asText().startsWith("index.")) {
          assertThat(text).as(f.get("path").asText()).contains(f.get("sha256").asText());
        }
      }
      assertThat(text)
          .contains(
              "Training evidence pack",
              "a sample of 2 of 4 new hires (seed 42)",
              "164.530(b)(2)(i)(B)");
    }
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertThat(index).contains("164.308(a)(5)(ii)(A)").doesNotContain("src=\"http", "href=\"http");
    // The index links every file it lists, says how to check the pack, and, for a sampled pack,
    // which reports cover the sample and which the whole organization.
    for (JsonNode f : manifest.get("files")) {
      String path = f.get("path").asText();
      if (!path.startsWith("index.")) {
        String href =
            String.join(
                "/",
                Arrays.stream(path.split("/"))
                    .map(
                        segment ->
                            URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                    .toList());
        assertThat(index).as(path).contains("<a href=\"" + href.replace("&", "&amp;") + "\">");
      }
    }
    // The generation time is the organization's local time, to the minute, never an instant.
    assertThat(index)
        .containsPattern("Generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(America/Chicago\\)");
    assertThat(index)
        .contains(
            "How to check this pack",
            "verify-pack",
            "Policy acknowledgements, member by policy version (the sample only)",
            "Members by role, department and type, by status (the whole organization, beyond"
                + " the sample)");

    // the same seed over the same records picks the same members
    EvidencePack again =
        reporting
            .evidencePacks()
            .build(
                clinic.auditor,
                new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.newHires(2, 42)),
                dir.resolve("again.zip"));
    assertThat(again.sampledMembers()).isEqualTo(pack.sampledMembers());
  }

  @Test
  void everyoneCoversEveryVisibleMember() throws Exception {
    EvidencePack pack =
        Reporting.builder(clinic.tp)
            .build()
            .evidencePacks()
            .build(
                clinic.officer,
                new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.everyone()),
                dir.resolve("all.zip"));
    assertThat(pack.sampledMembers()).hasSize(7);
    assertThat(pack.signature()).isNull();
    assertThat(unzip(pack.file())).doesNotContainKey("manifest.sig.json");
  }

  @Test
  void externalIdsThatSanitizeAlikeGetDistinctTranscriptFiles() throws Exception {
    // Regression (issue 17, finding 10): HR/1 and HR:1 both sanitized to HR_1, and Cyrillic ids
    // to _1, so the pack failed with a duplicate ZIP entry.
    List<String> ids = List.of("HR/1", "HR:1", "HR_1", "\u04161", "\u04141", "abc", "ABC");
    for (String id : ids) {
      clinic
          .tp
          .workforce()
          .hire(
              clinic.officer,
              new WorkforceService.NewMember(
                  id,
                  "Member " + id,
                  WorkforceType.EMPLOYEE,
                  Set.of("clerk"),
                  "Front",
                  null,
                  LocalDate.of(2026, 1, 10)));
    }
    EvidencePack pack =
        reporting
            .evidencePacks()
            .build(
                clinic.officer,
                new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.everyone()),
                dir.resolve("colliding.zip"));
    List<String> transcripts =
        unzip(pack.file()).keySet().stream()
            .filter(p -> p.contains("/transcripts/") && p.endsWith(".csv"))
            .toList();
    assertThat(transcripts).hasSize(7 + ids.size());
    assertThat(transcripts.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct())
        .hasSize(transcripts.size());
    // an id that is already a safe name and unique ignoring case keeps it
    assertThat(transcripts).anyMatch(p -> p.endsWith("/transcripts/HR_1.csv"));
    // the others carry a hash of the id after '~', a character no kept name contains
    assertThat(transcripts).filteredOn(p -> p.contains("/transcripts/HR_1~")).hasSize(2);
    assertThat(transcripts).filteredOn(p -> p.contains("/transcripts/_1~")).hasSize(2);
    assertThat(transcripts)
        .filteredOn(p -> p.contains("/transcripts/abc~") || p.contains("/transcripts/ABC~"))
        .hasSize(2);
  }

  @Test
  void badInputLeavesNoFileBehind() throws Exception {
    Path target = dir.resolve("bad.zip");
    assertThatThrownBy(
            () ->
                reporting
                    .evidencePacks()
                    .build(
                        clinic.auditor,
                        new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.newHires(5, 1)),
                        target))
        .isInstanceOfSatisfying(
            SampleTooLargeException.class,
            e -> {
              assertThat(e.requested()).isEqualTo(5);
              assertThat(e.population()).isEqualTo(4);
            });
    assertThatThrownBy(
            () ->
                reporting
                    .evidencePacks()
                    .build(
                        clinic.manager,
                        new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.everyone()),
                        target))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                reporting
                    .evidencePacks()
                    .build(
                        clinic.auditor,
                        new EvidencePackRequest(
                            PERIOD, Clinic.TODAY.plusDays(1), Sample.everyone()),
                        target))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                reporting
                    .evidencePacks()
                    .build(
                        clinic.auditor,
                        new EvidencePackRequest(
                            DateRange.of(Clinic.TODAY, Clinic.TODAY.minusDays(3)),
                            Clinic.TODAY,
                            Sample.everyone()),
                        target))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Sample.newHires(0, 1)).isInstanceOf(ValidationException.class);
    // a failure while writing (the signer throws after everything was rendered) leaves nothing
    Reporting failing =
        Reporting.builder(clinic.tp)
            .manifestSigner(
                m -> {
                  throw new ReportOutputException(
                      "signer unavailable", new IOException("HSM offline"));
                })
            .build();
    assertThatThrownBy(
            () ->
                failing
                    .evidencePacks()
                    .build(
                        clinic.auditor,
                        new EvidencePackRequest(PERIOD, Clinic.TODAY, Sample.everyone()),
                        target))
        .isInstanceOf(ReportOutputException.class);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
