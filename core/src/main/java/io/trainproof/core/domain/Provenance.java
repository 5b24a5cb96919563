package io.trainproof.core.domain;

import org.jspecify.annotations.Nullable;

/**
 * Where a completion came from and who recorded it. Immutable.
 *
 * @param method how it was obtained
 * @param recordedBy the actor that recorded it
 * @param source the system or file it came from, for imports
 * @param sourceRef the statement id, or file and line, within the source
 * @param justification why it was entered by hand, for manual entries
 */
public record Provenance(
    CompletionMethod method,
    String recordedBy,
    @Nullable String source,
    @Nullable String sourceRef,
    @Nullable String justification) {

  /**
   * Provenance for a completion in the host's UI.
   *
   * @param recordedBy the actor
   * @return the provenance
   */
  public static Provenance inApp(String recordedBy) {
    return new Provenance(CompletionMethod.IN_APP, recordedBy, null, null, null);
  }
}
