package io.trainproof.reporting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.audit.AuditExport;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.ReportOutputException;
import io.trainproof.reporting.SampleTooLargeException;
import io.trainproof.reporting.evidence.EvidencePack;
import io.trainproof.reporting.evidence.EvidencePackRequest;
import io.trainproof.reporting.evidence.EvidencePackService;
import io.trainproof.reporting.evidence.ManifestSignature;
import io.trainproof.reporting.evidence.ManifestSigner;
import io.trainproof.reporting.evidence.Sample;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.MemberTranscript;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Builds the evidence pack: computes everything first (so a refusal or bad input fails before a
 * byte is written), then writes the ZIP to a temporary file beside the target and moves it into
 * place. Thread-safe (holds no per-call state).
 */
public final class EvidencePackWriter implements EvidencePackService {
  private static final DateTimeFormatter INDEX_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The manifest's format name. */
  public static final String FORMAT = "trainproof-evidence-pack-1";

  static final String F_TRAINING = "01 164.530(b)(1) training by function/";
  static final String F_NEW_HIRES = "02 164.530(b)(2)(i)(B) new-hire training/";
  static final String F_CHANGES = "03 164.530(b)(2)(i)(C) retraining after material changes/";
  static final String F_DOCS = "04 164.530(b)(2)(ii) and (j)(1) training documentation/";
  static final String F_POLICIES = "05 164.316(b)(2) policies in force and reviews/";
  static final String F_COVERAGE = "06 164.308(a)(5)(i) security awareness coverage/";
  static final String F_REMINDERS = "07 164.308(a)(5)(ii)(A) security reminders/";
  static final String F_ADDRESSABLE = "08 164.308(a)(5)(ii)(B)-(D) addressable items/";
  static final String F_AUDIT = "09 164.530(j) audit trail/";

  private final Trainproof tp;
  private final ReportServiceImpl reports;
  private final @Nullable ManifestSigner signer;
  private final Labels labels;

  /**
   * Creates the writer.
   *
   * @param trainproof the instance
   * @param reports the report service
   * @param signer the manifest signer, or null
   * @param labels the words the pack's CSV and PDF reports use
   */
  public EvidencePackWriter(
      Trainproof trainproof,
      ReportServiceImpl reports,
      @Nullable ManifestSigner signer,
      Labels labels) {
    this.tp = trainproof;
    this.reports = reports;
    this.signer = signer;
    this.labels = labels;
  }

  // why: a private carrier from building to writing; never compared, hashed or exposed, so the
  // array's identity equals() and shared bytes do not matter.
  @SuppressWarnings("ArrayRecordComponent")
  private record File(String path, String citation, String description, byte[] bytes) {}

  @Override
  public EvidencePack build(Actor actor, EvidencePackRequest request, Path target) {
    DateRange period = request.period();
    Scope s = reports.scope(actor, request.asOf(), period);
    // why first: the audit read is the grant managers and members lack; refuse before any work.
    AuditExport audit =
        tp.audit()
            .export(
                actor,
                period.from().atStartOfDay(s.org().zone()).toInstant(),
                period.to().plusDays(1).atStartOfDay(s.org().zone()).toInstant());
    Lookups l = reports.lookups(s);

    List<WorkforceMember> hires = reports.newHires(l, period);
    List<WorkforceMember> covered;
    long seed = 0;
    if (request.sample() instanceof Sample.NewHires n) {
      if (n.size() > hires.size()) {
        throw new SampleTooLargeException(n.size(), hires.size());
      }
      seed = n.seed();
      covered = choose(hires, n.size(), n.seed());
    } else {
      covered =
          l.members().values().stream()
              .filter(m -> m.termsOn(s.asOf()).isPresent())
              .sorted(Comparator.comparing(WorkforceMember::externalId))
              .toList();
    }
    List<WorkforceMember> sampledHires =
        request.sample() instanceof Sample.NewHires
            ? covered
            : hires.stream().sorted(Comparator.comparing(WorkforceMember::externalId)).toList();

    // A sampled pack says, report by report, whether it covers the sample or the whole
    // organization: an auditor must not read an organization-wide figure as the sample's.
    boolean sampledPack = request.sample() instanceof Sample.NewHires;
    String onlySample = sampledPack ? " " + labels.word("pack_only_sample") : "";
    String wholeOrganization = sampledPack ? " " + labels.word("pack_whole_organization") : "";
    List<File> files = new ArrayList<>();
    try {
      report(
          files,
          F_TRAINING,
          "role-content-matrix",
          reports.roleContentMatrix(actor, s.asOf()),
          labels.word("pack_role_content") + wholeOrganization);
      Set<Id<WorkforceMember>> coveredIds = new HashSet<>();
      covered.forEach(m -> coveredIds.add(m.id()));
      report(
          files,
          F_TRAINING,
          "acknowledgement-matrix",
          reports.acknowledgements(s, l, m -> coveredIds.contains(m.id())),
          labels.word("pack_acknowledgements") + onlySample);
      report(
          files,
          F_NEW_HIRES,
          "new-hire-timeliness",
          reports.newHires(s, l, period, hires.size(), sampledHires),
          labels.word("pack_new_hires") + onlySample);
      report(
          files,
          F_CHANGES,
          "retraining",
          reports.retraining(s, l),
          labels.word("pack_retraining") + wholeOrganization);
      PackFileNames names =
          PackFileNames.of(covered.stream().map(WorkforceMember::externalId).toList());
      for (WorkforceMember m : covered) {
        MemberTranscript t = reports.transcript(s, l, m.id());
        report(
            files,
            F_DOCS + "transcripts/",
            names.nameOf(m.externalId()),
            t,
            labels.phrase("pack_transcript", m.externalId()));
      }
      report(
          files,
          F_DOCS,
          "waivers-and-extensions",
          reports.waiversAndExtensions(actor, s.asOf()),
          labels.word("pack_waivers") + wholeOrganization);
      credentials(files, s, covered);
      var policies = reports.policyVersionsInForce(actor, s.asOf());
      report(
          files,
          F_POLICIES,
          "policy-versions-in-force",
          policies,
          labels.word("pack_policy_versions") + wholeOrganization);
      files.add(
          new File(
              F_POLICIES + "policy-versions-in-force.json",
              "164.316(b)(2)(i)",
              labels.word("pack_same_as_json"),
              JsonRenderer.bytes(policies)));
      report(
          files,
          F_COVERAGE,
          "organization-summary",
          reports.summaryIn(s),
          labels.word("pack_summary") + wholeOrganization);
      report(
          files,
          F_COVERAGE,
          "overdue-and-expiring",
          reports.overdueAndExpiring(actor, s.asOf()),
          labels.word("pack_overdue") + wholeOrganization);
      report(
          files,
          F_COVERAGE,
          "renewal-forecast",
          reports.renewalForecast(actor, s.asOf()),
          labels.word("pack_forecast") + wholeOrganization);
      report(
          files,
          F_REMINDERS,
          "security-reminder-log",
          reports.securityReminderLog(actor, period, s.asOf()),
          labels.word("pack_reminders") + wholeOrganization);
      report(
          files,
          F_ADDRESSABLE,
          "addressable-decisions",
          reports.addressableDecisions(actor, s.asOf()),
          labels.word("pack_addressable") + wholeOrganization);
      files.add(
          new File(
              F_AUDIT + "audit-excerpt.json",
              "164.530(j)(1)",
              labels.word("pack_audit_excerpt"),
              JsonRenderer.bytes(audit)));
      files.add(
          new File(
              F_AUDIT + "chain-verification.json",
              "164.530(j)(1)",
              audit.verification().intact()
                  ? labels.word("pack_chain_intact")
                  : labels.phrase("pack_chain_problems", audit.verification().problems().size()),
              JsonRenderer.bytes(audit.verification())));
    } catch (IOException e) {
      throw new ReportOutputException("rendering the evidence pack failed", e);
    }
    return write(s, request, files, covered, seed, hires.size(), target);
  }

  private static List<WorkforceMember> choose(List<WorkforceMember> hires, int size, long seed) {
    return hires.stream()
        .sorted(
            Comparator.comparing(
                    (WorkforceMember m) ->
                        sha256((seed + ":" + m.id()).getBytes(StandardCharsets.UTF_8)))
                .thenComparing(WorkforceMember::id))
        .limit(size)
        .sorted(Comparator.comparing(WorkforceMember::externalId))
        .toList();
  }

  private void credentials(List<File> files, Scope s, List<WorkforceMember> covered)
      throws IOException {
    var mapper = JsonRenderer.mapper();
    ArrayNode certificates = mapper.createArrayNode();
    ArrayNode attestations = mapper.createArrayNode();
    for (WorkforceMember m : covered) {
      for (Certificate c : tp.certificates().forMember(s.actor(), m.id())) {
        if (!s.knownBy(c.issuedAt())) {
          continue;
        }
        ObjectNode n = certificates.addObject();
        n.put("certificateId", c.id().toString());
        n.put("member", m.externalId());
        n.put("verificationCode", c.verificationCode());
        n.put("statusAsOf", Statuses.certificate(c, s));
        n.set("credential", json(c.credentialJson()));
      }
      for (AttestationStatus st : tp.attestations().forMember(s.actor(), m.id(), s.asOf())) {
        var a = st.attestation();
        ObjectNode n = attestations.addObject();
        n.put("attestationId", a.id().toString());
        n.put("member", m.externalId());
        n.put("policyVersionId", a.policyVersion().toString());
        n.put("stateAsOf", st.state().name());
        if (a.evidence() != null && st.state() == AttestationState.ATTESTED) {
          var e = a.evidence();
          n.put("statementText", e.statementText());
          n.put("statementSha256", e.statementSha256());
          n.put("policyTextSha256", e.policyTextSha256());
          n.put("attestedAt", e.attestedAt().toString());
          n.put("method", e.method().name());
          n.put("recordedBy", e.actorId());
          n.put("recordHash", e.recordHash());
          if (e.credentialJson() != null) {
            n.set("credential", json(e.credentialJson()));
          }
        }
      }
    }
    files.add(
        new File(
            F_DOCS + "credentials/certificates.json",
            "164.530(j)(1)",
            labels.word("pack_certificates"),
            JsonRenderer.bytes(certificates)));
    files.add(
        new File(
            F_DOCS + "credentials/attestations.json",
            "164.530(j)(1)",
            labels.word("pack_attestations"),
            JsonRenderer.bytes(attestations)));
  }

  private static JsonNode json(String text) {
    try {
      return JsonRenderer.mapper().readTree(text);
    } catch (IOException e) {
      // why: a credential that is not JSON (a JWT, say) is still evidence; keep it verbatim
      return JsonRenderer.mapper().getNodeFactory().textNode(text);
    }
  }

  private void report(
      List<File> files, String folder, String name, Report report, String description)
      throws IOException {
    String citation = report.header().citation();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
      // Excel reads the pack's CSVs as UTF-8 only with a byte order mark.
      CsvRenderer.write(report.table(labels), w, true);
    }
    files.add(new File(folder + name + ".csv", citation, description, csv.toByteArray()));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    PdfRenderer.write(report, labels, pdf);
    files.add(
        new File(
            folder + name + ".pdf",
            citation,
            description + " " + labels.word("pack_printable"),
            pdf.toByteArray()));
  }

  private EvidencePack write(
      Scope s,
      EvidencePackRequest request,
      List<File> content,
      List<WorkforceMember> covered,
      long seed,
      int population,
      Path target) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      List<EvidencePack.Entry> entries = new ArrayList<>();
      for (File f : content) {
        entries.add(
            new EvidencePack.Entry(
                f.path(), f.citation(), f.description(), f.bytes().length, sha256(f.bytes())));
      }
      List<String> sampled = covered.stream().map(WorkforceMember::externalId).toList();
      List<File> all = new ArrayList<>();
      Table index =
          new Table(
              labels.columns("citation / audit item", "file", "what it is", "sha-256"),
              entries.stream()
                  .map(e -> List.of(e.citation(), e.path(), e.description(), e.sha256()))
                  .toList());
      // The instant as the organization's local time, to the minute, as every report says it.
      String generated =
          INDEX_TIME.format(s.now().atZone(s.org().zone())) + " (" + s.org().zone() + ")";
      List<String> meta =
          List.of(
              labels.phrase("organization", s.org().name(), s.org().zone()),
              labels.phrase("as_of", s.asOf())
                  + "    "
                  + labels.phrase("audit_period", request.period().from(), request.period().to()),
              request.sample() instanceof Sample.NewHires n
                  ? labels.phrase(
                      "pack_covers_sample", n.size(), population, seed, String.join(", ", sampled))
                  : labels.phrase("pack_covers_everyone", s.actor().id(), sampled.size()),
              labels.phrase("pack_generated", generated, s.actor().id())
                  + (signer == null ? "" : " " + labels.word("pack_signed")),
              request.sample() instanceof Sample.NewHires
                  ? labels.word("pack_scope_sample")
                  : labels.phrase("pack_scope_everyone", s.actor().id()),
              labels.word("pack_how_to_check"));
      String title = labels.phrase("pack_title", s.org().name());
      all.add(
          new File(
              "index.html",
              "index",
              labels.word("pack_this_index"),
              HtmlRenderer.simple(title, meta, index, 1, labels).getBytes(StandardCharsets.UTF_8)));
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      PdfRenderer.write(title, meta, index, labels, pdf);
      all.add(
          new File(
              "index.pdf", "index", labels.word("pack_this_index_printable"), pdf.toByteArray()));
      all.addAll(content);
      List<EvidencePack.Entry> listed = new ArrayList<>();
      for (File f : all) {
        listed.add(
            new EvidencePack.Entry(
                f.path(), f.citation(), f.description(), f.bytes().length, sha256(f.bytes())));
      }

      ObjectNode manifest = JsonRenderer.mapper().createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("organization", s.org().name());
      manifest.put("organizationId", s.org().id().toString());
      manifest.put("zone", s.org().zone().toString());
      manifest.put("asOf", s.asOf().toString());
      manifest.put("periodFrom", request.period().from().toString());
      manifest.put("periodTo", request.period().to().toString());
      ObjectNode sample = manifest.putObject("sample");
      sample.put("kind", request.sample() instanceof Sample.NewHires ? "new-hires" : "everyone");
      sample.put("newHiresInPeriod", population);
      if (request.sample() instanceof Sample.NewHires n) {
        sample.put("size", n.size());
        sample.put("seed", seed);
        sample.put(
            "selection",
            "the new hires ordered by SHA-256 of seed + ':' + member id, first size taken");
      }
      ArrayNode members = sample.putArray("members");
      sampled.forEach(members::add);
      manifest.put("generatedAt", s.now().toString());
      manifest.put("generatedBy", s.actor().id());
      manifest.put("hashAlgorithm", "SHA-256");
      ArrayNode filesNode = manifest.putArray("files");
      for (EvidencePack.Entry e : listed) {
        ObjectNode n = filesNode.addObject();
        n.put("path", e.path());
        n.put("citation", e.citation());
        n.put("bytes", e.bytes());
        n.put("sha256", e.sha256());
      }
      byte[] manifestBytes = JsonRenderer.bytes(manifest);
      ManifestSignature signature = signer == null ? null : signer.sign(manifestBytes);

      tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
      FileTime time = FileTime.from(s.now().atZone(ZoneOffset.UTC).toInstant());
      try (OutputStream fileOut = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(fileOut)) {
        for (File f : all) {
          entry(zip, f.path(), f.bytes(), time);
        }
        entry(zip, "manifest.json", manifestBytes, time);
        if (signature != null) {
          entry(zip, "manifest.sig.json", JsonRenderer.bytes(signature), time);
        }
      }
      String zipHash = sha256(Files.readAllBytes(tmp));
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return new EvidencePack(target, zipHash, listed, sampled, signature);
    } catch (IOException e) {
      throw new ReportOutputException("writing the evidence pack to " + target + " failed", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // why: the original failure matters more; the temporary name starts with a dot
        }
      }
    }
  }

  private static void entry(ZipOutputStream zip, String path, byte[] bytes, FileTime time)
      throws IOException {
    ZipEntry e = new ZipEntry(path);
    e.setLastModifiedTime(time);
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
