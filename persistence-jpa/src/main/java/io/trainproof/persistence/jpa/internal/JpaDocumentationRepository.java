package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.spi.DocumentationRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Program documentation in the JPA store: policy reviews, decisions on addressable specifications,
 * and security reminders. Not thread-safe: bound to one transaction.
 */
final class JpaDocumentationRepository implements DocumentationRepository {
  private final JpaSession session;

  JpaDocumentationRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insertReview(PolicyReview review) {
    PolicyReviewEntity e = new PolicyReviewEntity(review.id().value());
    RecordMapper.apply(review, e);
    session.persistAndFlush(e, "PolicyReview", review.id());
  }

  @Override
  public List<PolicyReview> reviews(Id<Organization> organization, Id<Policy> policy) {
    return session
        .em()
        .createQuery(
            "select r from TpPolicyReview r where r.orgId = :org and r.policyId = :policy"
                + " order by r.reviewedOn, r.recordedAt, r.id",
            PolicyReviewEntity.class)
        .setParameter("org", organization.value())
        .setParameter("policy", policy.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::review))
        .toList();
  }

  @Override
  public void insertDecision(AddressableDecision decision) {
    String key = "topic=" + decision.topic() + ",number=" + decision.number();
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select d.id from TpDecision d where d.orgId = :org"
                    + " and d.topic = :topic and d.number = :number",
                UUID.class)
            .setParameter("org", decision.organization().value())
            .setParameter("topic", decision.topic().name())
            .setParameter("number", decision.number()))) {
      throw new ConflictException("AddressableDecision", key, "number already taken for the topic");
    }
    DecisionEntity e = new DecisionEntity(decision.id().value());
    RecordMapper.apply(decision, e);
    session.persistAndFlush(e, "AddressableDecision", key);
  }

  @Override
  public List<AddressableDecision> decisions(Id<Organization> organization) {
    return session
        .em()
        .createQuery("select d from TpDecision d where d.orgId = :org", DecisionEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::decision))
        // why: "by topic" means the enum's order, which the topic's text does not follow.
        .sorted(
            Comparator.comparing(AddressableDecision::topic)
                .thenComparingInt(AddressableDecision::number))
        .toList();
  }

  @Override
  public void saveReminder(SecurityReminder reminder) {
    session.save(
        ReminderEntity.class,
        reminder.id(),
        reminder.organization(),
        ReminderEntity::new,
        e -> e.orgId,
        e -> RecordMapper.apply(reminder, e),
        "SecurityReminder");
  }

  @Override
  public Optional<SecurityReminder> findReminder(
      Id<Organization> organization, Id<SecurityReminder> id) {
    return session
        .findInOrg(ReminderEntity.class, id.value(), organization, e -> e.orgId)
        .map(RecordMapper::reminder);
  }

  @Override
  public List<SecurityReminder> reminders(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select r from TpSecurityReminder r where r.orgId = :org order by r.sentAt, r.id",
            ReminderEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::reminder))
        .toList();
  }
}
