package io.trainproof.reporting.evidence;

import io.trainproof.core.Actor;
import java.nio.file.Path;

/** Builds evidence packs. Thread-safe. */
public interface EvidencePackService {

  /**
   * Computes every report the pack holds as the actor, then writes the ZIP to a temporary file
   * beside {@code target} and moves it into place; on any failure the temporary file is deleted and
   * nothing is left at {@code target}.
   *
   * @param actor the caller; needs audit-trail read (compliance officer or auditor)
   * @param request period, as-of date and sample
   * @param target where the ZIP goes (replaced if present)
   * @return what was written
   * @throws io.trainproof.core.ValidationException when the as-of date is in the future or the
   *     period is empty or ends after it
   * @throws io.trainproof.core.ForbiddenException when the actor lacks a grant the pack needs
   * @throws io.trainproof.reporting.SampleTooLargeException when the sample is larger than the
   *     period's new hires
   * @throws io.trainproof.reporting.ReportOutputException when writing fails
   */
  EvidencePack build(Actor actor, EvidencePackRequest request, Path target);
}
