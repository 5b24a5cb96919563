package io.trainproof.signing.proof;

import io.trainproof.signing.key.KeyAlgorithm;
import java.util.Optional;

/** The Data Integrity cryptosuites Trainproof signs and verifies. */
public enum Cryptosuite {
  /** Ed25519 over RFC 8785 canonical JSON; the default. */
  EDDSA_JCS_2022("eddsa-jcs-2022", KeyAlgorithm.ED25519, false),
  /**
   * ECDSA (deterministic, raw r‖s) over RFC 8785 canonical JSON: P-256 with SHA-256, or P-384 with
   * SHA-384.
   */
  ECDSA_JCS_2019("ecdsa-jcs-2019", KeyAlgorithm.P256, false),
  /** Ed25519 over RDF Dataset Canonicalization of the JSON-LD; Open Badges 3.0 certification. */
  EDDSA_RDFC_2022("eddsa-rdfc-2022", KeyAlgorithm.ED25519, true),
  /**
   * ECDSA over RDF Dataset Canonicalization of the JSON-LD: P-256 with SHA-256, or P-384 with
   * SHA-384.
   */
  ECDSA_RDFC_2019("ecdsa-rdfc-2019", KeyAlgorithm.P256, true);

  private final String id;
  private final KeyAlgorithm algorithm;
  private final boolean rdf;

  Cryptosuite(String id, KeyAlgorithm algorithm, boolean rdf) {
    this.id = id;
    this.algorithm = algorithm;
    this.rdf = rdf;
  }

  /**
   * @return the {@code cryptosuite} value written in proofs
   */
  public String id() {
    return id;
  }

  /**
   * @return the key algorithm the suite signs with by default (an ECDSA suite also takes P-384)
   */
  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * @param key a key's algorithm
   * @return whether the suite signs and verifies with such a key
   */
  public boolean supports(KeyAlgorithm key) {
    return key == algorithm || (algorithm == KeyAlgorithm.P256 && key == KeyAlgorithm.P384);
  }

  /**
   * @return whether it canonicalizes RDF (true) or JSON (false)
   */
  public boolean rdfCanonicalization() {
    return rdf;
  }

  /**
   * Finds a suite by its {@code cryptosuite} value.
   *
   * @param id the value
   * @return the suite, or empty when Trainproof does not know it
   */
  public static Optional<Cryptosuite> fromId(String id) {
    for (Cryptosuite suite : values()) {
      if (suite.id.equals(id)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }
}
