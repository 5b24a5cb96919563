package io.trainproof.core.event;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.time.Instant;
import java.util.Map;

/**
 * A domain event for host listeners, published only after the transaction that caused it has
 * committed. Carries ids and codes, never PHI. Immutable.
 *
 * @param type what happened, e.g. {@code ASSIGNMENT_CREATED} (the audit action)
 * @param organization the organization
 * @param subjectType the kind of record
 * @param subjectId the record's id
 * @param at when
 * @param details further facts
 */
public record TrainproofEvent(
    String type,
    Id<Organization> organization,
    String subjectType,
    String subjectId,
    Instant at,
    Map<String, String> details) {

  /** Makes the details immutable. */
  public TrainproofEvent {
    details = Map.copyOf(details);
  }
}
