package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workforce members, always scoped by organization. */
public interface MemberRepository {
  /**
   * Adds a member with version 0.
   *
   * @param member the new member
   * @return the member as stored
   * @throws io.trainproof.core.ConflictException when the external id is taken in the organization
   */
  WorkforceMember insert(WorkforceMember member);

  /**
   * Adds several new members: the same outcome as {@link #insert} called once per member in list
   * order, so an external id that is taken, or that an earlier member of the list takes, throws a
   * conflict (the transaction it ends then writes none of them). Stores override the default (a
   * loop) to write with a few statements per call. Whether a request may name one external id twice
   * is core's rule, not the store's: the bulk hire rejects such a request before it calls this.
   *
   * @param members the new members, version 0
   * @return them as stored, in the same order
   * @throws io.trainproof.core.ConflictException when an external id or id is taken
   */
  default List<WorkforceMember> insertAll(List<WorkforceMember> members) {
    List<WorkforceMember> stored = new ArrayList<>(members.size());
    for (WorkforceMember member : members) {
      stored.add(insert(member));
    }
    return stored;
  }

  /**
   * Replaces a member if nobody changed it since it was read.
   *
   * @param member the new value, carrying the version it was read at
   * @return the stored value, with the version incremented
   * @throws io.trainproof.core.ConflictException when the stored version differs
   */
  WorkforceMember update(WorkforceMember member);

  /**
   * Finds a member.
   *
   * @param organization the organization
   * @param id the member's id
   * @return the member, or empty when absent or in another organization
   */
  Optional<WorkforceMember> find(Id<Organization> organization, Id<WorkforceMember> id);

  /**
   * Finds a member by the host's HR id.
   *
   * @param organization the organization
   * @param externalId the external id
   * @return the member, or empty
   */
  Optional<WorkforceMember> findByExternalId(Id<Organization> organization, String externalId);

  /**
   * Lists the organization's members, ordered by id.
   *
   * @param organization the organization
   * @return its members
   */
  List<WorkforceMember> list(Id<Organization> organization);

  /**
   * A page of the organization's members in id order, after a cursor (keyset pagination, so a
   * report over millions of rows never loads them all).
   *
   * @param organization the organization
   * @param after the id after which the page starts, or null for the first page
   * @param limit the most items to return, at least 1
   * @return up to {@code limit} items with ids greater than {@code after}
   */
  List<WorkforceMember> page(
      Id<Organization> organization,
      @org.jspecify.annotations.Nullable Id<WorkforceMember> after,
      int limit);

  /**
   * Claims up to {@code limit} members of the organization that the renewal sweep has not yet
   * visited for {@code day}, and marks them visited for that day in this transaction. A store
   * shared by several nodes must let concurrent claims skip each other's rows (e.g. {@code FOR
   * UPDATE SKIP LOCKED}) so that nodes sweeping at once divide the work; if the transaction rolls
   * back, the marks roll back with it and the members are claimed again.
   *
   * @param organization the organization
   * @param day the sweep day in the organization's zone
   * @param limit the most members to claim, at least 1
   * @return the claimed members, ordered by id; empty when all were visited
   */
  List<WorkforceMember> claimForSweep(Id<Organization> organization, LocalDate day, int limit);

  /**
   * As {@link #claimForSweep}, but only among members whose next change date (see {@link
   * #setNextChange}) is unset or on or before {@code day}: the incremental sweep's claim, whose
   * cost follows the members due rather than the roster. Members it skips are not marked visited.
   * The default claims as {@link #claimForSweep} does, which is correct (a member swept early does
   * no harm) but saves nothing; stores that keep the dates override it. A store should serve it
   * from an index that starts with the organization and the next change date.
   *
   * @param organization the organization
   * @param day the sweep day in the organization's zone
   * @param limit the most members to claim, at least 1
   * @return the claimed members, ordered by id; empty when none is due
   */
  default List<WorkforceMember> claimDueForSweep(
      Id<Organization> organization, LocalDate day, int limit) {
    return claimForSweep(organization, day, limit);
  }

  /**
   * Records, for each given member, the earliest date on which the renewal sweep could do anything
   * for them (core computes it after sweeping them; dates up to 9999-12-31 must round-trip).
   * Members of another organization or absent are ignored. The default keeps nothing (see {@link
   * #claimDueForSweep}).
   *
   * @param organization the organization
   * @param next each member's next change date
   */
  default void setNextChange(
      Id<Organization> organization, Map<Id<WorkforceMember>, LocalDate> next) {}

  /**
   * Unsets the next change date of some members (their next sweep evaluates them), in this
   * transaction: core calls it in the transaction of every write that can move their date. Members
   * of another organization or absent are ignored. The default does nothing (see {@link
   * #claimDueForSweep}).
   *
   * @param organization the organization
   * @param members the members
   */
  default void resetNextChange(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {}

  /**
   * Unsets the next change date of every member of the organization, with one bulk statement, in
   * this transaction: core calls it in the transaction of every organization-wide write the sweep
   * reads (requirements, policies, course releases, certification kinds). The default does nothing
   * (see {@link #claimDueForSweep}).
   *
   * @param organization the organization
   */
  default void resetNextChangeAll(Id<Organization> organization) {}

  /**
   * A member's next change date, as last set.
   *
   * @param organization the organization
   * @param member the member
   * @return the date; empty when unset (or the store keeps none), absent or in another organization
   */
  default Optional<LocalDate> nextChange(
      Id<Organization> organization, Id<WorkforceMember> member) {
    return Optional.empty();
  }
}
