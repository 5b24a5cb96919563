package io.trainproof.reporting.evidence;

/**
 * Signs an evidence pack's manifest. The signing module or the host implements it (with the
 * organization's key, an HSM, a timestamping service); reporting only calls it. Implementations
 * must be thread-safe.
 */
public interface ManifestSigner {

  /**
   * Signs the exact bytes of {@code manifest.json}.
   *
   * @param manifest the manifest bytes
   * @return the signature and what is needed to check it
   */
  ManifestSignature sign(byte[] manifest);
}
