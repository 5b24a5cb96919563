package io.trainproof.core.spi;

import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Completions (immutable evidence), always scoped by organization. */
public interface CompletionRepository {
  /**
   * Adds a completion. Completions are never updated.
   *
   * @param completion the completion
   */
  void insert(Completion completion);

  /**
   * Finds a completion.
   *
   * @param organization the organization
   * @param id its id
   * @return it, or empty
   */
  Optional<Completion> find(Id<Organization> organization, Id<Completion> id);

  /**
   * A member's completions ordered by completion date, then recording instant.
   *
   * @param organization the organization
   * @param member the member
   * @return the completions, failing attempts included
   */
  List<Completion> forMember(Id<Organization> organization, Id<WorkforceMember> member);

  /**
   * The completions of several members at once, for reads over a whole organization page by page
   * (one query per page instead of one per member). Each member's list is in the same order as
   * {@link #forMember} gives it; members with none map to an empty list; every member asked about
   * is a key. The default asks {@link #forMember} once per member; stores override it with one
   * query.
   *
   * @param organization the organization
   * @param members the members (at most 1,000)
   * @return each member's completions
   */
  default Map<Id<WorkforceMember>, List<Completion>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    Map<Id<WorkforceMember>, List<Completion>> result = new LinkedHashMap<>();
    for (Id<WorkforceMember> member : members) {
      result.put(member, forMember(organization, member));
    }
    return result;
  }

  /**
   * A page of the organization's completions in id order, after a cursor (keyset pagination, so a
   * report over millions of rows never loads them all).
   *
   * @param organization the organization
   * @param after the id after which the page starts, or null for the first page
   * @param limit the most items to return, at least 1
   * @return up to {@code limit} items with ids greater than {@code after}
   */
  List<Completion> page(
      Id<Organization> organization,
      @org.jspecify.annotations.Nullable Id<Completion> after,
      int limit);

  /**
   * Finds an imported completion by where it came from (xAPI statement id, file and line).
   *
   * @param organization the organization
   * @param source the provenance source
   * @param sourceRef the reference within the source
   * @return the completion, or empty
   */
  Optional<Completion> findBySource(Id<Organization> organization, String source, String sourceRef);

  /**
   * Removes a completion (purge only).
   *
   * @param organization the organization
   * @param id its id
   */
  void delete(Id<Organization> organization, Id<Completion> id);
}
