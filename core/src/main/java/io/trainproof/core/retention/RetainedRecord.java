package io.trainproof.core.retention;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One record the six-year rule (45 CFR 164.316(b)(2)(i): documentation is retained six years from
 * the date of its creation or the date when it last was in effect, whichever is later) covers, and
 * until when it is kept: six years, or the organization's longer period, after the later of the day
 * it was created and the day it was last in effect. A record still in effect has no date yet. What
 * "created" and "last in effect" mean for each kind is said on {@link Kind}.
 *
 * @param kind what kind of record
 * @param id its id
 * @param description what it is, in words (codes and numbers, never a person's name)
 * @param createdOn the day it was created (as {@link Kind} says for each kind)
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

  /**
   * The kinds of record, each kept six years (45 CFR 164.316(b)(2)(i)), or the organization's
   * longer period, after the later of the two dates named below. Answered by {@link
   * RetentionService#organizationRecords} (policy versions, decisions, reviews, reminders, member
   * records), {@link RetentionService#memberRecords} (a member's assignments, completions,
   * attestations, certificates and notifications) and {@link RetentionService#auditRecords}.
   */
  public enum Kind {
    /**
     * A version of a policy's text. Created: the day it was published. Last in effect: the day
     * before the next version takes effect, or the day it was retired.
     */
    POLICY_VERSION("policy version"),
    /**
     * A documented decision on an addressable implementation specification. Created: the day it was
     * decided. Last in effect: the day before a later decision on the same topic.
     */
    ADDRESSABLE_DECISION("addressable decision"),
    /** A recorded review of a policy, an act documented once: from the day it was reviewed. */
    POLICY_REVIEW("policy review"),
    /** A security reminder sent, an act documented once: from the day it was sent. */
    SECURITY_REMINDER("security reminder"),
    /**
     * A workforce member's record. Created: the engagement date. Last in effect: the day the
     * termination took effect; in effect while the member is engaged (leave included).
     */
    WORKFORCE_MEMBER("workforce member record"),
    /**
     * A training assignment. Created: the day it was assigned. Last in effect: the day it was
     * closed (completed, waived or cancelled); in effect while open.
     */
    ASSIGNMENT("training assignment"),
    /**
     * A completion (training evidence), an act documented once: from the day it was recorded (or
     * the retention date stored with it, when later).
     */
    COMPLETION("training completion"),
    /**
     * An attestation of a policy version. Created: the day it was attested (requested, while not
     * yet attested). Last in effect: the attested version's last day in effect; in effect while the
     * version is.
     */
    ATTESTATION("policy attestation"),
    /**
     * A certificate issued for a completion. Created: the day it was issued. Last in effect: its
     * last valid date once past, or the day it was revoked or superseded; in effect while valid.
     */
    CERTIFICATE("certificate"),
    /**
     * A notification (reminder, notice, escalation) to a member. Created and last in effect: the
     * day it was written, once delivered; in effect while undelivered.
     */
    NOTIFICATION("notification"),
    /** An audit entry, an act documented once: from the day it was written. */
    AUDIT_ENTRY("audit entry");

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
