package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.reporting.evidence.EvidencePackRequest;
import io.trainproof.reporting.evidence.ManifestKeys;
import io.trainproof.reporting.evidence.ManifestSignature;
import io.trainproof.reporting.evidence.PackVerification;
import io.trainproof.reporting.evidence.PackVerification.Outcome;
import io.trainproof.reporting.evidence.Sample;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evidence pack checked offline: as written it verifies; a changed file, an added file, a
 * tampered audit entry (even with the manifest re-signed), a key the verifier does not trust, a key
 * not active when the pack was made, and a file name leaving the pack's folder are each found and
 * named.
 */
@Tag("slow")
class EvidencePackVerifierTest {
  private static final String KEY_ID = "did:web:clinic.example#key-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  KeyPair keys;
  Path pack;

  @BeforeEach
  void build() throws Exception {
    Clinic clinic = new Clinic();
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Reporting reporting =
        Reporting.builder(clinic.tp)
            .manifestSigner(
                manifest -> new ManifestSignature("Ed25519", KEY_ID, sign(manifest), null))
            .build();
    pack = dir.resolve("pack.zip");
    reporting
        .evidencePacks()
        .build(
            clinic.auditor,
            new EvidencePackRequest(EvidencePackTest.PERIOD, Clinic.TODAY, Sample.newHires(2, 7)),
            pack);
  }

  private String sign(byte[] bytes) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(keys.getPrivate());
      s.update(bytes);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private ManifestKeys trusting(KeyPair pair, Instant from) {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return id ->
        id.equals(KEY_ID)
            ? Optional.of(new ManifestKeys.TrustedKey(pem, from, null))
            : Optional.empty();
  }

  private static Outcome outcome(PackVerification v, String startOfName) {
    return v.checks().stream()
        .filter(c -> c.name().startsWith(startOfName))
        .findFirst()
        .orElseThrow()
        .outcome();
  }

  private static String detail(PackVerification v, String startOfName) {
    return v.checks().stream()
        .filter(c -> c.name().startsWith(startOfName))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  @Test
  void aPackAsWrittenVerifies() {
    PackVerification v = EvidencePackVerifier.verify(pack, trusting(keys, Instant.EPOCH));
    assertThat(v.checks()).allMatch(c -> c.outcome() == Outcome.PASSED, v.toString());
    assertThat(v.verified()).isTrue();
    assertThat(detail(v, "the audit")).contains("entries from the anchor");
  }

  @Test
  void withoutATrustedKeyTheSignatureIsNotCheckedAndThePackIsNotVerified() throws Exception {
    PackVerification none = EvidencePackVerifier.verify(pack, ManifestKeys.none());
    assertThat(outcome(none, "every file")).isEqualTo(Outcome.PASSED);
    assertThat(outcome(none, "the manifest")).isEqualTo(Outcome.NOT_CHECKED);
    assertThat(none.verified()).isFalse();

    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    PackVerification wrong = EvidencePackVerifier.verify(pack, trusting(other, Instant.EPOCH));
    assertThat(outcome(wrong, "the manifest")).isEqualTo(Outcome.FAILED);
    assertThat(detail(wrong, "the manifest")).contains("does not verify");

    PackVerification later =
        EvidencePackVerifier.verify(pack, trusting(keys, Instant.parse("2100-01-01T00:00:00Z")));
    assertThat(outcome(later, "the manifest")).isEqualTo(Outcome.FAILED);
    assertThat(detail(later, "the manifest")).contains("was not the active key");
  }

  @Test
  void aChangedOrAddedFileIsFoundAndNamed() throws Exception {
    Map<String, byte[]> files = EvidencePackTest.unzip(pack);
    String csv =
        files.keySet().stream().filter(p -> p.endsWith("retraining.csv")).findFirst().orElseThrow();
    files.put(
        csv,
        (new String(files.get(csv), StandardCharsets.UTF_8) + "x\r\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put("extra/notes.txt", "added later".getBytes(StandardCharsets.UTF_8));
    Path changed = zip(files, "changed.zip");
    PackVerification v = EvidencePackVerifier.verify(changed, trusting(keys, Instant.EPOCH));
    assertThat(outcome(v, "every file")).isEqualTo(Outcome.FAILED);
    assertThat(detail(v, "every file"))
        .contains("retraining.csv has", "extra/notes.txt is in the pack but not in the manifest");
    assertThat(outcome(v, "the manifest")).isEqualTo(Outcome.PASSED);
    assertThat(v.verified()).isFalse();
  }

  @Test
  void aTamperedAuditEntryIsFoundEvenWhenTheManifestIsReSigned() throws Exception {
    Map<String, byte[]> files = EvidencePackTest.unzip(pack);
    String path =
        files.keySet().stream()
            .filter(p -> p.endsWith("audit-excerpt.json"))
            .findFirst()
            .orElseThrow();
    ObjectNode excerpt = (ObjectNode) JSON.readTree(files.get(path));
    ArrayNode entries = (ArrayNode) excerpt.get("entries");
    assertThat(entries.size()).isGreaterThan(2);
    ObjectNode victim = (ObjectNode) entries.get(1);
    long sequence = victim.get("sequence").asLong();
    victim.put("actorId", "someone-else");
    byte[] tampered = JSON.writeValueAsBytes(excerpt);
    files.put(path, tampered);
    // Whoever tampered also holds the signing key: the manifest matches the files again.
    ObjectNode manifest = (ObjectNode) JSON.readTree(files.get("manifest.json"));
    for (var f : manifest.get("files")) {
      if (f.get("path").asText().equals(path)) {
        ((ObjectNode) f).put("bytes", tampered.length);
        ((ObjectNode) f)
            .put(
                "sha256",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tampered)));
      }
    }
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    files.put("manifest.json", manifestBytes);
    files.put(
        "manifest.sig.json",
        JSON.writeValueAsBytes(
            new ManifestSignature("Ed25519", KEY_ID, sign(manifestBytes), null)));
    PackVerification v =
        EvidencePackVerifier.verify(zip(files, "audit.zip"), trusting(keys, Instant.EPOCH));
    assertThat(outcome(v, "every file")).isEqualTo(Outcome.PASSED);
    assertThat(outcome(v, "the manifest")).isEqualTo(Outcome.PASSED);
    assertThat(outcome(v, "the audit")).isEqualTo(Outcome.FAILED);
    assertThat(detail(v, "the audit")).contains("entry " + sequence + ":");
    assertThat(v.verified()).isFalse();
  }

  @Test
  void aFileNameLeavingThePacksFolderMakesItUnreadable() throws Exception {
    Map<String, byte[]> files = EvidencePackTest.unzip(pack);
    files.put("../outside.txt", new byte[] {1});
    PackVerification v =
        EvidencePackVerifier.verify(zip(files, "escape.zip"), trusting(keys, Instant.EPOCH));
    assertThat(v.checks()).hasSize(1);
    assertThat(v.checks().get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(v.checks().get(0).detail()).contains("leaves the pack's folder");

    Path notAZip = Files.writeString(dir.resolve("not.zip"), "hello");
    assertThat(EvidencePackVerifier.verify(notAZip, ManifestKeys.none()).checks().get(0).detail())
        .isEqualTo("not a zip file");
  }

  private Path zip(Map<String, byte[]> files, String name) throws IOException {
    Path out = dir.resolve(name);
    try (OutputStream o = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(o)) {
      for (var e : new LinkedHashMap<>(files).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out;
  }
}
