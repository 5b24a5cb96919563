package io.trainproof.core.spi;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Assignments, always scoped by organization. */
public interface AssignmentRepository {
  /**
   * Adds an assignment unless one with the same dedupe key exists in the organization. This is the
   * last defence that makes the engine idempotent when two threads or nodes race.
   *
   * @param assignment the new assignment, version 0
   * @return true when added, false when the dedupe key was taken
   */
  boolean insertIfAbsent(Assignment assignment);

  /**
   * Adds several assignments, each unless its dedupe key exists (or was purged) in its
   * organization: the same outcome as {@link #insertIfAbsent} called once per assignment in list
   * order, so of two in the list with one key only the first is added. This is how the engine
   * writes what a sweep batch or a bulk hire creates; stores override the default (a loop) to write
   * with a few statements per call instead of several per assignment.
   *
   * @param assignments the new assignments, version 0
   * @return the ids of those added
   */
  default Set<Id<Assignment>> insertAllIfAbsent(List<Assignment> assignments) {
    Set<Id<Assignment>> added = new LinkedHashSet<>();
    for (Assignment assignment : assignments) {
      if (insertIfAbsent(assignment)) {
        added.add(assignment.id());
      }
    }
    return added;
  }

  /**
   * Replaces an assignment if nobody changed it since it was read.
   *
   * @param assignment the new value at the version it was read
   * @return the stored value with the version incremented
   * @throws io.trainproof.core.ConflictException when the stored version differs
   */
  Assignment update(Assignment assignment);

  /**
   * Finds an assignment.
   *
   * @param organization the organization
   * @param id its id
   * @return it, or empty
   */
  Optional<Assignment> find(Id<Organization> organization, Id<Assignment> id);

  /**
   * A member's assignments, oldest first (by creation instant, then id).
   *
   * @param organization the organization
   * @param member the member
   * @return the assignments
   */
  List<Assignment> forMember(Id<Organization> organization, Id<WorkforceMember> member);

  /**
   * The assignments of several members at once, for reads over a whole organization page by page
   * (one query per page instead of one per member). Each member's list is in the same order as
   * {@link #forMember} gives it; members with none map to an empty list; every member asked about
   * is a key. The default asks {@link #forMember} once per member; stores override it with one
   * query.
   *
   * @param organization the organization
   * @param members the members (at most 1,000)
   * @return each member's assignments
   */
  default Map<Id<WorkforceMember>, List<Assignment>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    Map<Id<WorkforceMember>, List<Assignment>> result = new LinkedHashMap<>();
    for (Id<WorkforceMember> member : members) {
      result.put(member, forMember(organization, member));
    }
    return result;
  }

  /**
   * A requirement's assignments, oldest first.
   *
   * @param organization the organization
   * @param requirement the requirement
   * @return the assignments
   */
  List<Assignment> forRequirement(Id<Organization> organization, Id<Requirement> requirement);

  /**
   * Every assignment of the organization, oldest first.
   *
   * @param organization the organization
   * @return the assignments
   */
  List<Assignment> list(Id<Organization> organization);

  /**
   * A page of the organization's assignments in id order, after a cursor (keyset pagination, so a
   * report over millions of rows never loads them all).
   *
   * @param organization the organization
   * @param after the id after which the page starts, or null for the first page
   * @param limit the most items to return, at least 1
   * @return up to {@code limit} items with ids greater than {@code after}
   */
  List<Assignment> page(
      Id<Organization> organization,
      @org.jspecify.annotations.Nullable Id<Assignment> after,
      int limit);

  /**
   * Removes an assignment (purge only).
   *
   * @param organization the organization
   * @param id its id
   */
  void delete(Id<Organization> organization, Id<Assignment> id);

  /**
   * Optionally, a faster count of an {@link AssignmentCountQuery} than core's count from plain
   * reads ({@link AssignmentCounting#fromReads}): one aggregate query that loads no assignment or
   * member. A store that overrides this must return exactly the groups and numbers core's count
   * gives, in any order, for every query (the contract suite checks both paths against each other);
   * it counts facts only, by the definitions on {@link AssignmentCountQuery} and {@link
   * AssignmentCounts}, and never decides what a band or a closure state means: core does, when it
   * builds the query and reads the counts (for the status summary, see {@link
   * io.trainproof.core.status.AssignmentSummary}). The default returns empty, and core then counts
   * from plain reads.
   *
   * @param query what to count
   * @return the groups, or empty when this store has no faster way than core's
   */
  default Optional<List<AssignmentCounts>> count(AssignmentCountQuery query) {
    return Optional.empty();
  }
}
