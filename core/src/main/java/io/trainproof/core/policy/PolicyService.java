package io.trainproof.core.policy;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The organization's policies and their versions. Publishing a material version assigns retraining
 * to the affected audience: every member in an affected role on the effective date (as known when
 * publishing), active or on leave (a leave moves the due date on return, see {@link
 * io.trainproof.core.workforce.WorkforceService#returnFromLeave}), under each requirement with a
 * retraining period whose course teaches the policy, due the retraining period after the effective
 * date. Members who enter an affected role later, before that due date (a hire or a role change),
 * are assigned it then (see {@link io.trainproof.core.workforce.WorkforceService#change}); only a
 * completion on or after the version's publication, of content released on or after it, closes it
 * (see {@link io.trainproof.core.completion.CompletionService#record}). Publishing also makes a
 * version the policy's attestation setting names request attestations from its audience, in the
 * same transaction. Thread-safe.
 */
public interface PolicyService {

  /**
   * A new policy.
   *
   * @param code a short code unique in the organization
   * @param title its title
   * @param audience who it applies to (who is asked to attest)
   * @param attestOn which new versions ask the audience for an attestation
   * @param attestWithinDays an automatic attestation is due this many days after the later of
   *     publication and the effective date
   * @param reviewDueOn when the first review is due, if set
   */
  record NewPolicy(
      String code,
      String title,
      Audience audience,
      AttestationTrigger attestOn,
      int attestWithinDays,
      @Nullable LocalDate reviewDueOn) {

    /**
     * A policy for everyone, with no automatic attestation and no review date yet.
     *
     * @param code its code
     * @param title its title
     * @return the request
     */
    public static NewPolicy of(String code, String title) {
      return new NewPolicy(code, title, Audience.everyone(), AttestationTrigger.NONE, 30, null);
    }
  }

  /**
   * A new version of a policy's text.
   *
   * @param effectiveFrom the date it takes effect; not before the previous version's
   * @param textSha256 lowercase hex SHA-256 of the exact text
   * @param changeNotes what changed
   * @param material whether the change is material
   * @param affectedRoles the roles the change affects; empty for all
   */
  record NewVersion(
      LocalDate effectiveFrom,
      String textSha256,
      String changeNotes,
      boolean material,
      Set<String> affectedRoles) {}

  /**
   * Creates a policy (with no version yet).
   *
   * @param actor the caller
   * @param request the policy
   * @return the policy
   */
  Policy create(Actor actor, NewPolicy request);

  /**
   * What publishing a version decided.
   *
   * @param version the version published
   * @param retrainingAssigned retraining assignments created (0 for a version that is not material,
   *     or when everyone affected was already trained on it)
   * @param activeMembersByRole for each affected role, the members active in it on the later of
   *     today and the effective date; a version affecting everyone counts them under {@link
   *     #ALL_ROLES}
   * @param unknownRoles affected roles that no workforce member holds, in any status (usually a
   *     typo: nothing was assigned for them); also logged as a warning and in the audit entry
   */
  record Publication(
      PolicyVersion version,
      int retrainingAssigned,
      SortedMap<String, Integer> activeMembersByRole,
      SortedSet<String> unknownRoles) {

    /** The key under which a version affecting every role counts its members. */
    public static final String ALL_ROLES = "(all roles)";

    /** Makes the collections immutable. */
    public Publication {
      activeMembersByRole = Collections.unmodifiableSortedMap(new TreeMap<>(activeMembersByRole));
      unknownRoles = Collections.unmodifiableSortedSet(new TreeSet<>(unknownRoles));
    }
  }

  /**
   * Publishes a version, as {@link #publish}, and says what that decided: retraining assigned,
   * members affected by role, and affected roles nobody holds.
   *
   * @param actor the caller
   * @param policy the policy
   * @param request the version
   * @return the version and what publishing it decided
   */
  Publication publishWithOutcome(Actor actor, Id<Policy> policy, NewVersion request);

  /**
   * Publishes a version. The previous version's last-in-effect date becomes the day before this
   * one's effective date. A material version assigns retraining.
   *
   * @param actor the caller
   * @param policy the policy
   * @param request the version
   * @return the version
   */
  PolicyVersion publish(Actor actor, Id<Policy> policy, NewVersion request);

  /**
   * Retires a policy: its current version stops being in effect after a date.
   *
   * @param actor the caller
   * @param policy the policy
   * @param lastDay the last day in effect
   * @return the retired version
   */
  PolicyVersion retire(Actor actor, Id<Policy> policy, LocalDate lastDay);

  /**
   * A policy's versions, oldest first.
   *
   * @param actor the caller
   * @param policy the policy
   * @return its versions
   */
  List<PolicyVersion> versions(Actor actor, Id<Policy> policy);

  /**
   * The versions of every policy in force on a date.
   *
   * @param actor the caller
   * @param date the date
   * @return one version per policy in force then
   */
  List<PolicyVersion> inForceOn(Actor actor, LocalDate date);

  /**
   * Lists policies.
   *
   * @param actor the caller
   * @return the policies, ordered by code
   */
  List<Policy> list(Actor actor);
}
