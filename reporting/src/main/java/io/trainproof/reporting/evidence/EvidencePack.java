package io.trainproof.reporting.evidence;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A written evidence pack. Immutable.
 *
 * @param file the ZIP
 * @param sha256 SHA-256 of the ZIP
 * @param files every file in it except the manifest and its signature, with their hashes
 * @param sampledMembers the external ids of the members whose records it covers
 * @param signature the manifest's signature, or null when no signer is configured
 */
public record EvidencePack(
    Path file,
    String sha256,
    List<Entry> files,
    List<String> sampledMembers,
    @Nullable ManifestSignature signature) {
  /** Copies the lists. */
  public EvidencePack {
    files = List.copyOf(files);
    sampledMembers = List.copyOf(sampledMembers);
  }

  /**
   * One file of the pack.
   *
   * @param path its path in the ZIP
   * @param citation the citation or audit-protocol item it answers
   * @param description what it is
   * @param bytes its size
   * @param sha256 SHA-256 of its bytes
   */
  public record Entry(
      String path, String citation, String description, long bytes, String sha256) {}
}
