package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
}
