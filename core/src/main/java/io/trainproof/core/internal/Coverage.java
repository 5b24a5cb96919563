package io.trainproof.core.internal;

import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which policy version a completion trained a member on, and whether that closes a retraining (45
 * CFR 164.530(b)(2)(i)(C)). One rule, used by the completion service and the assignment engine:
 *
 * <ul>
 *   <li>A version is <em>published on</em> the earlier of its effective date and the day it was
 *       published in the organization's zone (a version entered after it took effect, such as
 *       imported history, counts from its effective date).
 *   <li>Course content <em>covers</em> a version when it teaches the version's policy and was
 *       released on or after the day the version was published: content released before a change
 *       cannot teach it.
 *   <li>A completion covers, for each policy its content teaches, the newest version published by
 *       both the completion date and the content's release date.
 *   <li>A retraining for a version is closed only by a passing completion that covers that version
 *       or a later version of the same policy; any such completion was, by the rules above,
 *       completed on or after the version's publication.
 * </ul>
 *
 * Pure functions. Stateless; thread-safe. Not API.
 */
public final class Coverage {
  private Coverage() {}

  /**
   * The day a policy version became known: the earlier of its effective date and its publication
   * day in the organization's zone.
   *
   * @param org the organization
   * @param version the version
   * @return the day
   */
  public static LocalDate publishedOn(Organization org, PolicyVersion version) {
    return Dates.min(version.effectiveFrom(), org.dateOf(version.publishedAt()));
  }

  /**
   * The version of one policy that a completion of some content covered.
   *
   * @param org the organization
   * @param content the course content completed
   * @param versions the policy's versions, oldest first
   * @param completedOn the completion date
   * @return the newest version published by the completion date and by the content's release, or
   *     null when none was
   */
  public static @Nullable PolicyVersion covered(
      Organization org,
      CourseVersion content,
      List<PolicyVersion> versions,
      LocalDate completedOn) {
    LocalDate releasedOn = org.dateOf(content.releasedAt());
    PolicyVersion newest = null;
    for (PolicyVersion v : versions) {
      if (!content.policies().contains(v.policy())) {
        continue;
      }
      LocalDate known = publishedOn(org, v);
      if (!known.isAfter(completedOn) && !known.isAfter(releasedOn)) {
        newest = v;
      }
    }
    return newest;
  }

  /**
   * Whether the versions a completion covered close a retraining for a version: they include that
   * version or a later one of the same policy.
   *
   * @param covered the versions the completion covered
   * @param change the version the retraining is for
   * @param versions the policy's versions (any order)
   * @return whether the retraining is satisfied
   */
  public static boolean satisfies(
      Set<Id<PolicyVersion>> covered, PolicyVersion change, Collection<PolicyVersion> versions) {
    for (PolicyVersion v : versions) {
      if (v.policy().equals(change.policy())
          && v.number() >= change.number()
          && covered.contains(v.id())) {
        return true;
      }
    }
    return covered.contains(change.id());
  }
}
