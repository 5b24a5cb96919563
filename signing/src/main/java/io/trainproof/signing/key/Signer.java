package io.trainproof.signing.key;

/**
 * The SPI through which a key signs. The provider performs the signature itself, so a key held in
 * an HSM or a cloud KMS never hands its private bytes to Trainproof.
 *
 * <p>Contract by algorithm of {@link #publicKey()}:
 *
 * <ul>
 *   <li>{@link KeyAlgorithm#ED25519}: pure Ed25519 (RFC 8032) over the message, 64 bytes.
 *   <li>{@link KeyAlgorithm#P256}: ECDSA with SHA-256 over the message (the provider hashes),
 *       returned as raw {@code r‖s}, 64 bytes big-endian. A deterministic nonce (RFC 6979) is
 *       recommended but not required: any valid signature verifies.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface Signer {
  /**
   * The verification method id that verifiers resolve for this key, e.g. {@code
   * did:web:example.com#key-2026} or {@code did:key:z6Mk…#z6Mk…}.
   *
   * @return the verification method id; never reused for other key bytes
   */
  String keyId();

  /**
   * @return the public half of the key
   */
  VerificationKey publicKey();

  /**
   * Signs a message.
   *
   * @param message the bytes to sign
   * @return the 64-byte signature
   * @throws io.trainproof.signing.SigningFailedException when the provider cannot sign
   */
  byte[] sign(byte[] message);
}
