package io.trainproof.core.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A kind of outside certification the organization accepts (say, a HIPAA certification from a named
 * provider), and the courses holding a valid one satisfies. Immutable.
 *
 * @param id the kind's id
 * @param organization the organization
 * @param code a short code unique in the organization, e.g. {@code "CHPS"}
 * @param name its name
 * @param satisfies the courses a valid certification of this kind stands in for
 * @param createdAt when defined
 */
public record CertificationKind(
    Id<CertificationKind> id,
    Id<Organization> organization,
    String code,
    String name,
    Set<Id<Course>> satisfies,
    Instant createdAt) {

  /** Makes the set immutable. */
  public CertificationKind {
    satisfies = Set.copyOf(satisfies);
  }
}
