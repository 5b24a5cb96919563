package io.trainproof.reporting.evidence;

import io.trainproof.core.ValidationException;
import io.trainproof.reporting.report.DateRange;
import java.time.LocalDate;

/**
 * What an evidence pack covers. Immutable.
 *
 * @param period the audit period (new hires engaged in it, reminders and audit entries in it)
 * @param asOf the date the documents describe (e.g. the audit notification date), not before the
 *     period's end and not in the future
 * @param sample whose records
 */
public record EvidencePackRequest(DateRange period, LocalDate asOf, Sample sample) {
  /** Checks that every part is given. */
  public EvidencePackRequest {
    if (period == null) {
      throw new ValidationException("period", null, "is required");
    }
    if (asOf == null) {
      throw new ValidationException("asOf", null, "is required");
    }
    if (sample == null) {
      throw new ValidationException("sample", null, "is required");
    }
  }
}
