package io.trainproof.testkit;

import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A credential issuer for core tests: deterministic JSON, no cryptography. A host credential keeps
 * its {@code "id":"…"} (the first one in the text) or gets a random {@code urn:uuid:}, and its
 * status index is written into it as {@code "statusIndex"}.
 */
final class StubIssuer implements CredentialIssuer {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private final int statusListSize;

  StubIssuer() {
    this(131_072);
  }

  /**
   * @param statusListSize entries per status list (small ones make index collisions likely)
   */
  StubIssuer(int statusListSize) {
    this.statusListSize = statusListSize;
  }

  @Override
  public int statusListSize() {
    return statusListSize;
  }

  @Override
  public Issued issueCertificate(CertificateClaims c) {
    String id = "urn:uuid:" + c.certificateId();
    return new Issued(
        id,
        "{\"id\":\"" + id + "\",\"statusIndex\":" + c.statusIndex() + "}",
        "CODE-" + c.statusIndex(),
        "did:example:stub#key-1");
  }

  @Override
  public Issued issueHolderCertificate(CertificateClaims c, String holder) {
    String id = "urn:uuid:" + c.certificateId();
    return new Issued(
        id,
        "{\"id\":\""
            + id
            + "\",\"holder\":\""
            + holder
            + "\",\"statusIndex\":"
            + c.statusIndex()
            + "}",
        "CODE-" + c.statusIndex(),
        "did:example:stub#key-1");
  }

  /**
   * A stub proof is {@code holder|challenge-or-nonce|domain-or-aud}; a holder of {@code bad} stands
   * for a signature by another key.
   */
  @Override
  public HolderProofResult verifyHolderProof(HolderProof proof) {
    String[] parts = proof.proof().split("\\|", -1);
    if (parts.length != 3 || parts[0].equals("bad")) {
      throw new ValidationException("proof", null, "is not signed by the key it names");
    }
    if (!parts[2].equals(proof.domain())) {
      throw new ValidationException(
          proof.kind() == HolderProof.Kind.JWT ? "aud" : "domain", null, "does not match");
    }
    if (proof.kind() == HolderProof.Kind.PRESENTATION && !parts[1].equals(proof.challenge())) {
      throw new ValidationException("challenge", null, "does not match");
    }
    return new HolderProofResult(parts[0], parts[1].isEmpty() ? null : parts[1]);
  }

  @Override
  public Issued sealAttestation(AttestationClaims c) {
    String id = "urn:uuid:" + c.attestationId();
    return new Issued(
        id,
        "{\"id\":\""
            + id
            + "\",\"statusIndex\":"
            + c.statusIndex()
            + ",\"statement\":\""
            + c.statementSha256()
            + "\"}",
        null,
        "did:example:stub#key-1");
  }

  @Override
  public Issued signCredential(
      Id<Organization> organization,
      String unsignedCredential,
      @Nullable String cryptosuite,
      int statusIndex) {
    Matcher id = ID.matcher(unsignedCredential);
    return new Issued(
        id.find() ? id.group(1) : "urn:uuid:" + UUID.randomUUID(),
        unsignedCredential.replaceFirst(
            "\\}$", ",\"statusIndex\":" + statusIndex + ",\"proof\":{}}"),
        null,
        "did:example:stub#key-1");
  }

  @Override
  public Issued statusListCredential(
      Id<Organization> organization, String purpose, List<Integer> setIndexes) {
    return new Issued(
        "https://stub.example/status/" + purpose,
        "{\"purpose\":\"" + purpose + "\",\"set\":" + setIndexes + "}",
        null,
        "did:example:stub#key-1");
  }
}
