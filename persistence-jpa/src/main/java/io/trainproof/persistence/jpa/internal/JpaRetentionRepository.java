package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.spi.RetentionRepository;
import java.util.List;

/** Legal holds and purge tombstones in the JPA store. Not thread-safe: bound to one transaction. */
final class JpaRetentionRepository implements RetentionRepository {
  private final JpaSession session;

  JpaRetentionRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void saveHold(LegalHold hold) {
    session.save(
        LegalHoldEntity.class,
        hold.id(),
        hold.organization(),
        LegalHoldEntity::new,
        e -> e.orgId,
        e -> RecordMapper.apply(hold, e),
        "LegalHold");
  }

  @Override
  public List<LegalHold> holds(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select h from TpLegalHold h where h.orgId = :org order by h.placedAt, h.id",
            LegalHoldEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::hold))
        .toList();
  }

  @Override
  public void insertTombstone(Tombstone tombstone) {
    TombstoneEntity e = new TombstoneEntity(tombstone.id().value());
    RecordMapper.apply(tombstone, e);
    session.persistAndFlush(e, "Tombstone", tombstone.id());
  }

  @Override
  public List<Tombstone> tombstones(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select t from TpTombstone t where t.orgId = :org order by t.purgedAt, t.id",
            TombstoneEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::tombstone))
        .toList();
  }
}
