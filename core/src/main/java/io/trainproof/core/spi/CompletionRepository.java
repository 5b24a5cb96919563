package io.trainproof.core.spi;

import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;
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
   * Removes a completion (purge only).
   *
   * @param organization the organization
   * @param id its id
   */
  void delete(Id<Organization> organization, Id<Completion> id);
}
