package io.trainproof.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.reporting.evidence.ManifestKeys;
import io.trainproof.reporting.evidence.PackVerification;
import io.trainproof.reporting.evidence.PackVerification.Check;
import io.trainproof.reporting.evidence.PackVerification.Outcome;
import io.trainproof.reporting.internal.JsonRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Checks an evidence pack offline, as an auditor would: every file the manifest lists is there with
 * its size and SHA-256 and nothing else is; the manifest's signature is by a key the verifier
 * trusts, valid when the pack was made; and the audit-trail excerpt's entries recompute to their
 * hashes and link from the anchor to the last one. Reads within bounds (entries, bytes per entry,
 * bytes in all, JSON sizes) and reports a pack outside them as unreadable. Stateless and
 * thread-safe.
 */
public final class EvidencePackVerifier {
  /** The most entries a pack may have. */
  public static final int MAX_ENTRIES = 100_000;

  /** The most bytes one entry may hold, uncompressed. */
  public static final long MAX_ENTRY_BYTES = 512L << 20;

  /** The most bytes all entries may hold together, uncompressed. */
  public static final long MAX_TOTAL_BYTES = 4L << 30;

  /** The most bytes the manifest, its signature or the audit excerpt may hold. */
  public static final int MAX_JSON_BYTES = 64 << 20;

  static final String MANIFEST = "manifest.json";
  static final String SIGNATURE = "manifest.sig.json";
  static final String AUDIT_EXCERPT = "audit-excerpt.json";

  private EvidencePackVerifier() {}

  /** A pack that cannot be read as one, with the reason. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    Unreadable(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  /**
   * Checks a pack.
   *
   * @param pack the zip file
   * @param keys the keys trusted to sign manifests ({@link ManifestKeys#none()} leaves the
   *     signature unchecked)
   * @return what each check found
   */
  public static PackVerification verify(Path pack, ManifestKeys keys) {
    if (pack == null || keys == null) {
      throw new ValidationException(pack == null ? "pack" : "keys", null, "is required");
    }
    List<Check> checks = new ArrayList<>();
    String readable = "the pack is a readable zip within bounds";
    try (ZipFile zip = new ZipFile(pack.toFile())) {
      Map<String, ZipEntry> entries = entries(zip);
      checks.add(new Check(readable, Outcome.PASSED, entries.size() + " files"));
      byte[] manifestBytes = json(zip, entries, MANIFEST);
      JsonNode manifest = JsonRenderer.mapper().readTree(manifestBytes);
      checks.add(files(zip, entries, manifest));
      checks.add(signature(zip, entries, manifestBytes, manifest, keys));
      checks.add(audit(zip, entries, manifest));
    } catch (Unreadable e) {
      checks.add(new Check(readable, Outcome.FAILED, e.reason()));
    } catch (ZipException e) {
      checks.add(new Check(readable, Outcome.FAILED, "not a zip file"));
    } catch (IOException e) {
      checks.add(
          new Check(
              readable, Outcome.FAILED, "could not be read: " + e.getClass().getSimpleName()));
    }
    return new PackVerification(checks);
  }

  private static Map<String, ZipEntry> entries(ZipFile zip) throws Unreadable {
    Map<String, ZipEntry> out = new LinkedHashMap<>();
    Enumeration<? extends ZipEntry> all = zip.entries();
    while (all.hasMoreElements()) {
      ZipEntry e = all.nextElement();
      if (out.size() >= MAX_ENTRIES) {
        throw new Unreadable("more than " + MAX_ENTRIES + " files");
      }
      String name = e.getName();
      if (name.startsWith("/")
          || name.contains("\\")
          || name.contains("\0")
          || List.of(name.split("/", -1)).contains("..")) {
        throw new Unreadable("a file name leaves the pack's folder: " + printable(name));
      }
      if (e.isDirectory()) {
        continue;
      }
      if (out.put(name, e) != null) {
        throw new Unreadable("two files are named " + printable(name));
      }
    }
    return out;
  }

  private static byte[] json(ZipFile zip, Map<String, ZipEntry> entries, String name)
      throws IOException, Unreadable {
    ZipEntry e = entries.get(name);
    if (e == null) {
      throw new Unreadable("it has no " + name);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = zip.getInputStream(e)) {
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > MAX_JSON_BYTES) {
          throw new Unreadable(name + " is larger than " + (MAX_JSON_BYTES >> 20) + " MiB");
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static Check files(ZipFile zip, Map<String, ZipEntry> entries, JsonNode manifest)
      throws IOException, Unreadable {
    String name = "every file matches the manifest and nothing else is in the pack";
    JsonNode listed = manifest.path("files");
    if (!listed.isArray()) {
      return new Check(name, Outcome.FAILED, "the manifest lists no files");
    }
    List<String> problems = new ArrayList<>();
    Map<String, Boolean> seen = new HashMap<>();
    long total = 0;
    for (JsonNode f : listed) {
      String path = f.path("path").asText("");
      String expected = f.path("sha256").asText("");
      long bytes = f.path("bytes").asLong(-1);
      if (seen.put(path, Boolean.TRUE) != null) {
        problems.add(printable(path) + " is listed twice");
        continue;
      }
      ZipEntry e = entries.get(path);
      if (e == null) {
        problems.add(printable(path) + " is missing");
        continue;
      }
      MessageDigest sha = sha256();
      long size = 0;
      try (InputStream in = zip.getInputStream(e)) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          size += n;
          total += n;
          if (size > MAX_ENTRY_BYTES) {
            throw new Unreadable(
                printable(path) + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB");
          }
          if (total > MAX_TOTAL_BYTES) {
            throw new Unreadable("its files hold more than " + (MAX_TOTAL_BYTES >> 30) + " GiB");
          }
          sha.update(buffer, 0, n);
        }
      }
      if (size != bytes) {
        problems.add(printable(path) + " has " + size + " bytes, the manifest says " + bytes);
      } else if (!HexFormat.of().formatHex(sha.digest()).equals(expected)) {
        problems.add(printable(path) + " was changed (its SHA-256 differs from the manifest's)");
      }
    }
    for (String present : entries.keySet()) {
      if (!seen.containsKey(present) && !present.equals(MANIFEST) && !present.equals(SIGNATURE)) {
        problems.add(printable(present) + " is in the pack but not in the manifest");
      }
    }
    return problems.isEmpty()
        ? new Check(name, Outcome.PASSED, seen.size() + " files, sizes and SHA-256 as listed")
        : new Check(name, Outcome.FAILED, String.join("; ", problems));
  }

  private static Check signature(
      ZipFile zip,
      Map<String, ZipEntry> entries,
      byte[] manifestBytes,
      JsonNode manifest,
      ManifestKeys keys)
      throws IOException, Unreadable {
    String name = "the manifest is signed by a trusted key";
    if (!entries.containsKey(SIGNATURE)) {
      return new Check(
          name, Outcome.NOT_CHECKED, "the pack has no manifest.sig.json: it is unsigned");
    }
    JsonNode sig = JsonRenderer.mapper().readTree(json(zip, entries, SIGNATURE));
    String keyId = sig.path("keyId").asText("");
    String algorithm = sig.path("algorithm").asText("");
    var trusted = keys.key(keyId);
    if (trusted.isEmpty()) {
      return new Check(
          name,
          Outcome.NOT_CHECKED,
          "signed by " + printable(keyId) + ", which is not among the trusted keys");
    }
    String jca =
        switch (algorithm) {
          case "Ed25519" -> "Ed25519";
          case "ES256" -> "SHA256withECDSAinP1363Format";
          case "ES384" -> "SHA384withECDSAinP1363Format";
          default -> null;
        };
    if (jca == null) {
      return new Check(name, Outcome.FAILED, "unsupported algorithm " + printable(algorithm));
    }
    Instant generated;
    try {
      generated = Instant.parse(manifest.path("generatedAt").asText(""));
    } catch (DateTimeParseException e) {
      return new Check(name, Outcome.FAILED, "the manifest has no valid generatedAt time");
    }
    ManifestKeys.TrustedKey key = trusted.get();
    if (generated.isBefore(key.activeFrom())
        || (key.retiredAt() != null && !generated.isBefore(key.retiredAt()))) {
      return new Check(
          name,
          Outcome.FAILED,
          printable(keyId)
              + " was not the active key at "
              + generated
              + ", when the pack was made");
    }
    try {
      PublicKey publicKey = publicKey(key.publicKeyPem(), algorithm);
      Signature verifier = Signature.getInstance(jca);
      verifier.initVerify(publicKey);
      verifier.update(manifestBytes);
      byte[] signature = Base64.getDecoder().decode(sig.path("signatureBase64").asText(""));
      if (!verifier.verify(signature)) {
        return new Check(
            name, Outcome.FAILED, "the signature by " + printable(keyId) + " does not verify");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return new Check(
          name, Outcome.FAILED, "the signature by " + printable(keyId) + " cannot be checked");
    }
    return new Check(
        name, Outcome.PASSED, "signed by " + printable(keyId) + " (" + algorithm + ")");
  }

  private static PublicKey publicKey(String pem, String algorithm) throws GeneralSecurityException {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    KeyFactory factory = KeyFactory.getInstance(algorithm.equals("Ed25519") ? "Ed25519" : "EC");
    return factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static Check audit(ZipFile zip, Map<String, ZipEntry> entries, JsonNode manifest)
      throws IOException, Unreadable {
    String name = "the audit-trail excerpt's entries match their hashes and link up";
    String path = null;
    for (String n : entries.keySet()) {
      if (n.endsWith("/" + AUDIT_EXCERPT)) {
        path = n;
      }
    }
    if (path == null) {
      return new Check(name, Outcome.FAILED, "the pack has no " + AUDIT_EXCERPT);
    }
    JsonNode excerpt = JsonRenderer.mapper().readTree(json(zip, entries, path));
    String organization = excerpt.path("organization").asText("");
    if (!organization.equals(manifest.path("organizationId").asText())) {
      return new Check(name, Outcome.FAILED, "the excerpt is of another organization");
    }
    List<AuditEntry> read = new ArrayList<>();
    try {
      for (JsonNode e : excerpt.path("entries")) {
        read.add(entry(e));
      }
    } catch (RuntimeException e) {
      return new Check(name, Outcome.FAILED, "an entry is not a Trainproof audit entry");
    }
    ChainVerification result =
        AuditChain.verify(
            read, excerpt.path("anchorSequence").asLong(), excerpt.path("anchorHash").asText(""));
    if (!result.intact()) {
      List<String> problems = new ArrayList<>();
      result.problems().forEach(p -> problems.add("entry " + p.sequence() + ": " + p.detail()));
      return new Check(name, Outcome.FAILED, String.join("; ", problems));
    }
    return new Check(
        name,
        Outcome.PASSED,
        read.size()
            + " entries from the anchor (sequence "
            + excerpt.path("anchorSequence").asLong()
            + ") to sequence "
            + result.lastSequence());
  }

  private static AuditEntry entry(JsonNode e) {
    Map<String, String> details = new TreeMap<>();
    JsonNode facts = e.path("details");
    for (Map.Entry<String, JsonNode> fact : facts.properties()) {
      details.put(fact.getKey(), fact.getValue().asText());
    }
    return new AuditEntry(
        Id.parse(e.path("organization").asText()),
        e.path("sequence").asLong(),
        Instant.parse(e.path("at").asText()),
        e.path("actorId").asText(),
        e.path("actorRole").asText(),
        e.path("action").asText(),
        e.path("subjectType").asText(),
        e.path("subjectId").asText(),
        new TreeMap<>(details),
        e.path("previousHash").asText(),
        e.path("hash").asText(),
        e.path("tombstone").asBoolean());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** A name from the pack, shortened and stripped of control characters, for a message. */
  private static String printable(@Nullable String text) {
    if (text == null) {
      return "(none)";
    }
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
  }
}
