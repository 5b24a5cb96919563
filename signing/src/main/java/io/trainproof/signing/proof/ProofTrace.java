package io.trainproof.signing.proof;

import io.trainproof.signing.internal.Hex;

/**
 * Every intermediate of one proof computation, for debugging and for checking against published
 * test vectors.
 *
 * @param canonicalProofConfig the canonical proof configuration (JCS text or N-Quads)
 * @param canonicalDocument the canonical document (JCS text or N-Quads)
 * @param proofConfigHash SHA-256 of the canonical proof configuration
 * @param documentHash SHA-256 of the canonical document
 */
@SuppressWarnings("ArrayRecordComponent") // why: equals and hashCode compare contents (below)
public record ProofTrace(
    String canonicalProofConfig,
    String canonicalDocument,
    byte[] proofConfigHash,
    byte[] documentHash) {

  /**
   * Copies the hashes in.
   *
   * @param canonicalProofConfig the canonical proof configuration
   * @param canonicalDocument the canonical document
   * @param proofConfigHash its hash
   * @param documentHash its hash
   */
  public ProofTrace {
    proofConfigHash = proofConfigHash.clone();
    documentHash = documentHash.clone();
  }

  /**
   * @return a copy of the proof configuration hash
   */
  @Override
  public byte[] proofConfigHash() {
    return proofConfigHash.clone();
  }

  /**
   * @return a copy of the document hash
   */
  @Override
  public byte[] documentHash() {
    return documentHash.clone();
  }

  /**
   * @return the signed message: proof configuration hash then document hash, 64 bytes
   */
  public byte[] hashData() {
    byte[] out = new byte[proofConfigHash.length + documentHash.length];
    System.arraycopy(proofConfigHash, 0, out, 0, proofConfigHash.length);
    System.arraycopy(documentHash, 0, out, proofConfigHash.length, documentHash.length);
    return out;
  }

  /**
   * @return {@link #hashData()} as lower-case hex
   */
  public String hashDataHex() {
    return Hex.encode(hashData());
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof ProofTrace
        && ((ProofTrace) other).canonicalProofConfig.equals(canonicalProofConfig)
        && ((ProofTrace) other).canonicalDocument.equals(canonicalDocument)
        && ((ProofTrace) other).hashDataHex().equals(hashDataHex());
  }

  @Override
  public int hashCode() {
    return hashDataHex().hashCode();
  }

  @Override
  public String toString() {
    return "ProofTrace[" + hashDataHex() + "]";
  }
}
