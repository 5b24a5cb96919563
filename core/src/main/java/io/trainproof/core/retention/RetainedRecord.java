package io.trainproof.core.retention;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One record the six-year rule (45 CFR 164.316(b)(2)(i)) covers, and until when it is kept: six
 * years, or the organization's longer period, after the later of the day it was created and the day
 * it was last in effect. A record still in effect has no date yet.
 *
 * @param kind what kind of record
 * @param id its id
 * @param description what it is, in words (codes and numbers, never a person's name)
 * @param createdOn the day it was created (decided, reviewed, sent, published, engaged)
 * @param lastInEffectOn the last day it was in effect, or null while it still is
 * @param keptUntil the last day it must be kept, or null while it is in effect
 */
public record RetainedRecord(
    Kind kind,
    String id,
    String description,
    LocalDate createdOn,
    @Nullable LocalDate lastInEffectOn,
    @Nullable LocalDate keptUntil) {

  /** The kinds of record answered by {@link RetentionService#organizationRecords}. */
  public enum Kind {
    /**
     * A version of a policy's text: in effect until the next version takes effect or it is retired.
     */
    POLICY_VERSION("policy version"),
    /**
     * A documented decision on an addressable implementation specification: in effect until a later
     * decision on the same topic.
     */
    ADDRESSABLE_DECISION("addressable decision"),
    /** A recorded review of a policy (an act documented once; kept from the review). */
    POLICY_REVIEW("policy review"),
    /** A security reminder sent (an act documented once; kept from sending). */
    SECURITY_REMINDER("security reminder"),
    /** A workforce member's record: in effect until the member's termination. */
    WORKFORCE_MEMBER("workforce member record");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /**
     * @return the kind in words
     */
    public String description() {
      return description;
    }
  }
}
