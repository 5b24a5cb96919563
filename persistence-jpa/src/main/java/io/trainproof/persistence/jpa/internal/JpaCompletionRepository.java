package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CompletionRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Completions (immutable evidence) in the JPA store. Not thread-safe: bound to one transaction. */
final class JpaCompletionRepository implements CompletionRepository {
  private final JpaSession session;

  JpaCompletionRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insert(Completion completion) {
    if (session.exists(CompletionEntity.class, completion.organization(), completion.id())) {
      throw new ConflictException("Completion", completion.id(), "id already exists");
    }
    // No flush: completions are immutable and keyed by id only; they join the batch.
    JpaSession.guard(
        "Completion",
        completion.id(),
        () -> {
          session.em().persist(TrainingMapper.toEntity(completion));
          return null;
        });
  }

  @Override
  public Optional<Completion> find(Id<Organization> organization, Id<Completion> id) {
    return session
        .findInOrg(CompletionEntity.class, id.value(), organization, e -> e.orgId)
        .map(TrainingMapper::completion);
  }

  @Override
  public List<Completion> page(
      Id<Organization> organization, @Nullable Id<Completion> after, int limit) {
    return session
        .em()
        .createQuery(
            "select c from TpCompletion c where c.orgId = :org and c.idOrder > :after"
                + " order by c.idOrder",
            CompletionEntity.class)
        .setParameter("org", organization.value())
        .setParameter("after", after == null ? "" : Mapper.idOrder(after.value()))
        .setMaxResults(Math.max(1, limit))
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::completion))
        .toList();
  }

  @Override
  public Optional<Completion> findBySource(
      Id<Organization> organization, String source, String sourceRef) {
    return session
        .em()
        .createQuery(
            "select c from TpCompletion c where c.orgId = :org and c.source = :source"
                + " and c.sourceRef = :ref order by c.recordedAt, c.id",
            CompletionEntity.class)
        .setParameter("org", organization.value())
        .setParameter("source", source)
        .setParameter("ref", sourceRef)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(TrainingMapper::completion);
  }

  @Override
  public void delete(Id<Organization> organization, Id<Completion> id) {
    session.delete(CompletionEntity.class, id, organization, e -> e.orgId, "Completion");
  }

  @Override
  public List<Completion> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return session
        .em()
        .createQuery(
            "select c from TpCompletion c where c.orgId = :org and c.memberId = :member"
                + " order by c.completedOn, c.recordedAt, c.id",
            CompletionEntity.class)
        .setParameter("org", organization.value())
        .setParameter("member", member.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::completion))
        .toList();
  }

  @Override
  public Map<Id<WorkforceMember>, List<Completion>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    return JpaSession.byMember(
        members,
        ids -> session.sql().completionsOf(session, organization.value(), ids),
        Completion::member);
  }
}
