package io.trainproof.signing.key;

/** The signature algorithms Trainproof signs with. */
public enum KeyAlgorithm {
  /**
   * Ed25519 (RFC 8032), the default; used by {@code eddsa-jcs-2022} and {@code eddsa-rdfc-2022}.
   */
  ED25519,
  /**
   * ECDSA on NIST P-256 with SHA-256, for hosts that need FIPS curves; {@code ecdsa-jcs-2019} and
   * {@code ecdsa-rdfc-2019}.
   */
  P256,
  /**
   * ECDSA on NIST P-384 with SHA-384 (proofs hash with SHA-384 too); {@code ecdsa-jcs-2019} and
   * {@code ecdsa-rdfc-2019}.
   */
  P384;

  /**
   * The algorithm's usual name, for people and for {@code keyType}-style fields.
   *
   * @return "Ed25519", "P-256" or "P-384"
   */
  public String label() {
    return switch (this) {
      case ED25519 -> "Ed25519";
      case P256 -> "P-256";
      case P384 -> "P-384";
    };
  }
}
