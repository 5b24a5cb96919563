package io.trainproof.testkit;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A credential issuer for core tests: deterministic JSON, no cryptography. */
final class StubIssuer implements CredentialIssuer {
  @Override
  public int statusListSize() {
    return 131_072;
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
  public Issued sealAttestation(AttestationClaims c) {
    String id = "urn:uuid:" + c.attestationId();
    return new Issued(
        id,
        "{\"id\":\"" + id + "\",\"statement\":\"" + c.statementSha256() + "\"}",
        null,
        "did:example:stub#key-1");
  }

  @Override
  public Issued signCredential(
      Id<Organization> organization, String unsignedCredential, @Nullable String cryptosuite) {
    return new Issued(
        "urn:uuid:stub",
        unsignedCredential.replaceFirst("\\}$", ",\"proof\":{}}"),
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
