package io.trainproof.signing.internal;

import io.trainproof.signing.SigningFailedException;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.Cryptosuite;

/**
 * The signer's part of making a Data Integrity proof, shared by every way a proof is made: the key
 * must fit the suite, and what it returns must be a 64-byte signature. Stateless and thread-safe.
 */
public final class ProofSigning {
  private ProofSigning() {}

  /**
   * Refuses a signer whose key does not fit the suite.
   *
   * @param suite the suite
   * @param signer the signer
   * @throws SigningFailedException when the key's algorithm is not the suite's
   */
  public static void checkSigner(Cryptosuite suite, Signer signer) {
    if (!suite.supports(signer.publicKey().algorithm())) {
      throw new SigningFailedException(
          "key "
              + signer.keyId()
              + " is "
              + signer.publicKey().algorithm()
              + " but "
              + suite.id()
              + " needs "
              + suite.algorithm());
    }
  }

  /**
   * Signs a proof's hash data.
   *
   * @param signer the key
   * @param hashData what is signed
   * @return the signature (64 bytes; 96 for P-384)
   * @throws SigningFailedException when the signer fails or returns a signature of another length
   */
  public static byte[] sign(Signer signer, byte[] hashData) {
    byte[] signature;
    try {
      signature = signer.sign(hashData);
    } catch (SigningFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SigningFailedException("key " + signer.keyId() + " failed to sign", e);
    }
    int expected = 2 * Crypto.size(signer.publicKey().algorithm());
    if (signature.length != expected) {
      throw new SigningFailedException(
          "key " + signer.keyId() + " returned " + signature.length + " bytes, not " + expected);
    }
    return signature;
  }
}
