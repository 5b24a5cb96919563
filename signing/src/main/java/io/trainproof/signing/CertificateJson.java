package io.trainproof.signing;

import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.EvidenceItem;
import io.trainproof.signing.credential.SubjectIdentifier;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.JsonStrings;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.internal.ProofSigning;
import io.trainproof.signing.internal.XsdDateTime;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.status.StatusEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Signs a certificate with a JCS suite (eddsa-jcs-2022, ecdsa-jcs-2019) without building a tree:
 * writes the credential of {@link UnsignedCredentials#certificate} straight into canonical UTF-8,
 * hashes it, signs, and writes the text that {@link
 * io.trainproof.signing.proof.DataIntegrity#addProofToJson} writes for it, byte for byte (the
 * top-level members in the order the tree has them, every nested object and the proof in RFC 8785
 * order, the proof last). Each top-level member is written once; the canonical form and the text
 * are two orders of the same pieces.
 *
 * <p>The shape here must stay the shape {@link UnsignedCredentials#certificate} builds; {@code
 * CertificateJsonTest} compares the two over many requests. Not thread-safe; one per call.
 */
final class CertificateJson {
  private static final ThreadLocal<CertificateJson> PER_THREAD =
      ThreadLocal.withInitial(CertificateJson::new);

  /** Buffers grown beyond this are dropped after use rather than kept for the thread. */
  private static final int KEEP_LIMIT = 64 * 1024;

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  /** The certificate's {@code @context} member, which the proof repeats. */
  private static final byte[] CONTEXT_MEMBER =
      constant(
          "@context",
          ':',
          '[',
          JsonLdContexts.CREDENTIALS_V2,
          ',',
          JsonLdContexts.OPEN_BADGES_V3,
          ']');

  /** Member names, quoted, with the colon. */
  private static final byte[] KEY_ACHIEVEMENT = constant("achievement", ':');

  private static final byte[] KEY_CREATED = constant("created", ':');
  private static final byte[] KEY_CREDENTIAL_STATUS = constant("credentialStatus", ':');
  private static final byte[] KEY_CREDENTIAL_SUBJECT = constant("credentialSubject", ':');
  private static final byte[] KEY_CRITERIA = constant("criteria", ':');
  private static final byte[] KEY_CRYPTOSUITE = constant("cryptosuite", ':');
  private static final byte[] KEY_DESCRIPTION = constant("description", ':');
  private static final byte[] KEY_EVIDENCE = constant("evidence", ':');
  private static final byte[] KEY_HASHED = constant("hashed", ':');
  private static final byte[] KEY_ID = constant("id", ':');
  private static final byte[] KEY_IDENTIFIER = constant("identifier", ':');
  private static final byte[] KEY_IDENTITY_HASH = constant("identityHash", ':');
  private static final byte[] KEY_IDENTITY_TYPE = constant("identityType", ':');
  private static final byte[] KEY_ISSUER = constant("issuer", ':');
  private static final byte[] KEY_NAME = constant("name", ':');
  private static final byte[] KEY_NARRATIVE = constant("narrative", ':');
  private static final byte[] KEY_PROOF = constant("proof", ':');
  private static final byte[] KEY_PROOF_VALUE = constant("proofValue", ':');
  private static final byte[] KEY_SALT = constant("salt", ':');
  private static final byte[] KEY_STATUS_LIST_CREDENTIAL = constant("statusListCredential", ':');
  private static final byte[] KEY_STATUS_LIST_INDEX = constant("statusListIndex", ':');
  private static final byte[] KEY_STATUS_PURPOSE = constant("statusPurpose", ':');
  private static final byte[] KEY_URL = constant("url", ':');
  private static final byte[] KEY_VALID_FROM = constant("validFrom", ':');
  private static final byte[] KEY_VALID_UNTIL = constant("validUntil", ':');
  private static final byte[] KEY_VERIFICATION_METHOD = constant("verificationMethod", ':');

  /** Members whose values never change. */
  private static final byte[] PROOF_PURPOSE_MEMBER =
      constant("proofPurpose", ':', "assertionMethod");

  private static final byte[] TYPE_ACHIEVEMENT = constant("type", ':', '[', "Achievement", ']');
  private static final byte[] TYPE_ACHIEVEMENT_SUBJECT =
      constant("type", ':', '[', "AchievementSubject", ']');
  private static final byte[] TYPE_EVIDENCE = constant("type", ':', '[', "Evidence", ']');
  private static final byte[] TYPE_IS_BITSTRING_STATUS_LIST_ENTRY =
      constant("type", ':', "BitstringStatusListEntry");
  private static final byte[] TYPE_IS_DATA_INTEGRITY_PROOF =
      constant("type", ':', "DataIntegrityProof");
  private static final byte[] TYPE_IS_IDENTITY_OBJECT = constant("type", ':', "IdentityObject");
  private static final byte[] TYPE_PROFILE = constant("type", ':', '[', "Profile", ']');
  private static final byte[] TYPE_MEMBER =
      constant("type", ':', '[', "VerifiableCredential", ',', "OpenBadgeCredential", ']');

  private byte[] bytes = new byte[4096];
  private int length;

  /** Top-level members: names, and where each ({@code "name":value}) starts and ends. */
  private final String[] names = new String[16];

  private final int[] starts = new int[16];
  private final int[] ends = new int[16];
  private final int[] order = new int[16];
  private int members;

  private CertificateJson() {}

  /** A proof configuration's hash: for one key, suite and second. */
  @SuppressWarnings("ArrayRecordComponent") // why: a cache entry, compared by its key fields only
  private record ConfigHash(String keyId, Cryptosuite suite, Instant created, byte[] hash) {}

  /**
   * The last proof configuration hashed, per issuer: it changes with the second of {@code created},
   * and an issuer signs many certificates in one second. Thread-safe.
   */
  static final class ConfigCache {
    private volatile @Nullable ConfigHash last;
  }

  /**
   * Signs a certificate.
   *
   * @param id the credential id
   * @param request what it states
   * @param status its status entries
   * @param suite a JCS suite whose key algorithm is the signer's
   * @param created the proof's creation time, to the second
   * @param signer the key
   * @param configs the issuer's last configuration hash
   * @return the signed credential's JSON text
   */
  static String sign(
      String id,
      CertificateRequest request,
      List<StatusEntry> status,
      Cryptosuite suite,
      Instant created,
      Signer signer,
      ConfigCache configs) {
    CertificateJson out = PER_THREAD.get();
    try {
      return out.write(id, request, status, suite, created, signer, configs);
    } finally {
      if (out.bytes.length > KEEP_LIMIT) {
        PER_THREAD.remove();
      }
    }
  }

  private String write(
      String id,
      CertificateRequest request,
      List<StatusEntry> status,
      Cryptosuite suite,
      Instant created,
      Signer signer,
      ConfigCache configs) {
    length = 0;
    members = 0;
    writeDocument(id, request, status);
    String createdText = XsdDateTime.format(created);

    // the canonical document: the members sorted by name (UTF-16 code units, as RFC 8785)
    for (int k = 0; k < members; k++) {
      int j = k;
      while (j > 0 && names[order[j - 1]].compareTo(names[k]) > 0) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = k;
    }
    MessageDigest digest = Crypto.sha256Digest();
    for (int k = 0; k < members; k++) {
      digest.update(k == 0 ? (byte) '{' : (byte) ',');
      int member = order[k];
      digest.update(bytes, starts[member], ends[member] - starts[member]);
    }
    digest.update((byte) '}');
    byte[] documentHash = digest.digest();

    // the proof configuration: the proof without proofValue, in RFC 8785 order
    byte[] configHash;
    ConfigHash lastConfig = configs.last;
    if (lastConfig != null
        && lastConfig.created().equals(created)
        && lastConfig.suite() == suite
        && lastConfig.keyId().equals(signer.keyId())) {
      configHash = lastConfig.hash();
    } else {
      int configStart = length;
      writeProof(createdText, suite, signer.keyId(), null);
      configHash = Crypto.sha256(Arrays.copyOfRange(bytes, configStart, length));
      length = configStart;
      configs.last = new ConfigHash(signer.keyId(), suite, created, configHash);
    }
    byte[] hashData = Arrays.copyOf(configHash, configHash.length + documentHash.length);
    System.arraycopy(documentHash, 0, hashData, configHash.length, documentHash.length);
    String proofValue = Multibase.encodeBase58(ProofSigning.sign(signer, hashData));

    // the text: the members in the tree's order, then the proof
    int textStart = length;
    raw('{');
    for (int k = 0; k < members; k++) {
      if (k > 0) {
        raw(',');
      }
      ensure(ends[k] - starts[k]);
      System.arraycopy(bytes, starts[k], bytes, length, ends[k] - starts[k]);
      length += ends[k] - starts[k];
    }
    raw(',');
    raw(KEY_PROOF);
    writeProof(createdText, suite, signer.keyId(), proofValue);
    raw('}');
    return new String(bytes, textStart, length - textStart, StandardCharsets.UTF_8);
  }

  /** The members of {@link UnsignedCredentials#certificate}, in its order. */
  private void writeDocument(String id, CertificateRequest request, List<StatusEntry> status) {
    begin("@context");
    raw(CONTEXT_MEMBER);
    end();
    begin("id");
    member(KEY_ID, id);
    end();
    begin("type");
    raw(TYPE_MEMBER);
    end();

    begin("issuer");
    raw(KEY_ISSUER);
    // canonical order: id, name, type, url
    raw('{');
    member(KEY_ID, request.issuer().id());
    raw(',');
    member(KEY_NAME, request.issuer().name());
    raw(',');
    raw(TYPE_PROFILE);
    if (request.issuer().url() != null) {
      raw(',');
      member(KEY_URL, request.issuer().url());
    }
    raw('}');
    end();

    begin("name");
    member(KEY_NAME, request.achievement().name());
    end();
    begin("validFrom");
    member(KEY_VALID_FROM, XsdDateTime.format(request.validFrom()));
    end();
    Instant validUntil = request.validUntil();
    if (validUntil != null) {
      begin("validUntil");
      member(KEY_VALID_UNTIL, XsdDateTime.format(validUntil));
      end();
    }

    begin("credentialSubject");
    raw(KEY_CREDENTIAL_SUBJECT);
    // canonical order: achievement, identifier, type
    raw('{');
    raw(KEY_ACHIEVEMENT);
    // canonical order: criteria, description, id, name, type
    raw('{');
    raw(KEY_CRITERIA);
    raw('{');
    member(KEY_NARRATIVE, request.achievement().criteria());
    raw('}');
    raw(',');
    member(KEY_DESCRIPTION, request.achievement().description());
    raw(',');
    member(KEY_ID, request.achievement().achievementId());
    raw(',');
    member(KEY_NAME, request.achievement().name());
    raw(',');
    raw(TYPE_ACHIEVEMENT);
    raw('}');
    raw(',');
    raw(KEY_IDENTIFIER);
    raw('[');
    identity(request.subject());
    raw(']');
    raw(',');
    raw(TYPE_ACHIEVEMENT_SUBJECT);
    raw('}');
    end();

    if (!request.evidence().isEmpty()) {
      begin("evidence");
      raw(KEY_EVIDENCE);
      raw('[');
      boolean first = true;
      for (EvidenceItem item : request.evidence()) {
        if (!first) {
          raw(',');
        }
        first = false;
        evidence(item);
      }
      raw(']');
      end();
    }
    if (!status.isEmpty()) {
      begin("credentialStatus");
      raw(KEY_CREDENTIAL_STATUS);
      raw('[');
      boolean first = true;
      for (StatusEntry entry : status) {
        if (!first) {
          raw(',');
        }
        first = false;
        statusEntry(entry);
      }
      raw(']');
      end();
    }
  }

  /**
   * {@link SubjectIdentifier#toJson()}, in canonical order: hashed, identityHash, identityType,
   * salt, type.
   */
  private void identity(SubjectIdentifier subject) {
    raw('{');
    raw(KEY_HASHED);
    raw(subject.hashed() ? TRUE : FALSE);
    raw(',');
    member(KEY_IDENTITY_HASH, subject.identityHash());
    raw(',');
    member(KEY_IDENTITY_TYPE, subject.identityType());
    if (subject.salt() != null) {
      raw(',');
      member(KEY_SALT, subject.salt());
    }
    raw(',');
    raw(TYPE_IS_IDENTITY_OBJECT);
    raw('}');
  }

  /** An evidence item, in canonical order: description, id, name, narrative, type. */
  private void evidence(EvidenceItem item) {
    raw('{');
    if (item.description() != null) {
      member(KEY_DESCRIPTION, item.description());
      raw(',');
    }
    if (item.id() != null) {
      member(KEY_ID, item.id());
      raw(',');
    }
    member(KEY_NAME, item.name());
    raw(',');
    if (item.narrative() != null) {
      member(KEY_NARRATIVE, item.narrative());
      raw(',');
    }
    raw(TYPE_EVIDENCE);
    raw('}');
  }

  /**
   * {@link StatusEntry#toJson()}, in canonical order: id, statusListCredential, statusListIndex,
   * statusPurpose, type.
   */
  private void statusEntry(StatusEntry entry) {
    String index = Integer.toString(entry.index());
    raw('{');
    member(KEY_ID, entry.statusListCredential() + "#" + index);
    raw(',');
    member(KEY_STATUS_LIST_CREDENTIAL, entry.statusListCredential());
    raw(',');
    member(KEY_STATUS_LIST_INDEX, index);
    raw(',');
    member(KEY_STATUS_PURPOSE, entry.purpose().value());
    raw(',');
    raw(TYPE_IS_BITSTRING_STATUS_LIST_ENTRY);
    raw('}');
  }

  /**
   * A Data Integrity proof in canonical order: {@code @context}, created, cryptosuite,
   * proofPurpose, proofValue, type, verificationMethod; without proofValue it is the proof
   * configuration.
   */
  private void writeProof(
      String created, Cryptosuite suite, String keyId, @Nullable String proofValue) {
    raw('{');
    raw(CONTEXT_MEMBER);
    raw(',');
    member(KEY_CREATED, created);
    raw(',');
    member(KEY_CRYPTOSUITE, suite.id());
    raw(',');
    raw(PROOF_PURPOSE_MEMBER);
    if (proofValue != null) {
      raw(',');
      member(KEY_PROOF_VALUE, proofValue);
    }
    raw(',');
    raw(TYPE_IS_DATA_INTEGRITY_PROOF);
    raw(',');
    member(KEY_VERIFICATION_METHOD, keyId);
    raw('}');
  }

  private void begin(String name) {
    names[members] = name;
    starts[members] = length;
  }

  private void end() {
    ends[members] = length;
    members++;
  }

  /** A member with a string value; {@code key} is its name, quoted, and the colon. */
  private void member(byte[] key, String value) {
    raw(key);
    string(value);
  }

  private void string(String value) {
    int n = value.length();
    ensure(n + 2);
    int end = JsonStrings.writePlain(value, bytes, length);
    if (end >= 0) {
      length = end;
      return;
    }
    char[] chars = value.toCharArray();
    ensure(JsonStrings.maxBytes(n));
    length = JsonStrings.write(chars, 0, n, bytes, length);
  }

  private void raw(char ascii) {
    ensure(1);
    bytes[length++] = (byte) ascii;
  }

  private void raw(byte[] raw) {
    ensure(raw.length);
    System.arraycopy(raw, 0, bytes, length, raw.length);
    length += raw.length;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
    }
  }

  /**
   * Constant canonical JSON: the strings among the parts are written as JSON strings, the bytes as
   * they are.
   */
  private static byte[] constant(Object... parts) {
    CertificateJson out = new CertificateJson();
    for (Object part : parts) {
      if (part instanceof byte[]) {
        out.raw((byte[]) part);
      } else if (part instanceof Character) {
        out.raw((Character) part);
      } else {
        out.string((String) part);
      }
    }
    return Arrays.copyOf(out.bytes, out.length);
  }
}
