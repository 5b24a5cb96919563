package io.trainproof.signing.key;

/** The signature algorithms Trainproof signs with. */
public enum KeyAlgorithm {
  /**
   * Ed25519 (RFC 8032), the default; used by {@code eddsa-jcs-2022} and {@code eddsa-rdfc-2022}.
   */
  ED25519,
  /** ECDSA on NIST P-256 with SHA-256, for hosts that need FIPS curves; {@code ecdsa-jcs-2019}. */
  P256
}
