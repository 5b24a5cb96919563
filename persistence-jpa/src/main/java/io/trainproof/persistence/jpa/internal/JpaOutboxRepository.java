package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.OutboxRepository;
import io.trainproof.persistence.jpa.internal.DialectSql.KeyedRow;
import io.trainproof.persistence.jpa.internal.DialectSql.KeyedTable;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The notification outbox in the JPA store: enqueue unless the idempotency key exists, and claims
 * of due messages that skip rows other nodes hold. Not thread-safe: bound to one transaction.
 */
final class JpaOutboxRepository implements OutboxRepository {
  private static final KeyedTable TABLE =
      new KeyedTable(
          "tp_outbox",
          new String[] {
            "id",
            "org_id",
            "idempotency_key",
            "kind",
            "recipient_id",
            "channel",
            "payload",
            "created_at",
            "attempts",
            "next_attempt_at",
            "last_error",
            "delivered_at"
          },
          "idempotency_key");

  private final JpaSession session;

  JpaOutboxRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public boolean enqueue(Notification notification) {
    return JpaSession.guard(
        "Notification",
        "idempotencyKey=" + notification.idempotencyKey(),
        () -> {
          session.em().flush();
          return session
              .sql()
              .insertUnlessKeyTaken(
                  session,
                  TABLE,
                  notification.organization().value(),
                  keyed(notification),
                  () -> {
                    // why: writers of one key queue on the organization's chain row, then look
                    lockChain(notification.organization().value());
                    if (JpaSession.any(
                        session
                            .em()
                            .createQuery(
                                "select n.id from TpNotification n where n.orgId = :org"
                                    + " and n.idempotencyKey = :key",
                                UUID.class)
                            .setParameter("org", notification.organization().value())
                            .setParameter("key", notification.idempotencyKey()))) {
                      return false;
                    }
                    NotificationEntity e = new NotificationEntity(notification.id().value());
                    RecordMapper.apply(notification, e);
                    session.em().persist(e);
                    session.em().flush();
                    return true;
                  });
        });
  }

  @Override
  public Set<Id<Notification>> enqueueAll(List<Notification> notifications) {
    if (notifications.isEmpty()) {
      return Set.of();
    }
    return JpaSession.guard(
        "Notification",
        notifications.size() + " new messages",
        () -> {
          session.em().flush();
          Set<UUID> added = new HashSet<>();
          for (var group :
              JpaSession.firstPerKey(
                      notifications, n -> n.organization().value(), Notification::idempotencyKey)
                  .entrySet()) {
            UUID org = group.getKey();
            // why: as enqueue: writers queue on the organization's chain row, then look
            added.addAll(
                session
                    .sql()
                    .insertAllUnlessKeyTaken(
                        session,
                        TABLE,
                        org,
                        group.getValue().values().stream().map(this::keyed).toList(),
                        () -> lockChain(org)));
          }
          Set<Id<Notification>> result = new LinkedHashSet<>();
          for (Notification n : notifications) {
            if (added.contains(n.id().value())) {
              result.add(n.id());
            }
          }
          return result;
        });
  }

  private void lockChain(UUID organization) {
    RowClaims.lockRow(session, "tp_audit_head", "org_id", organization);
  }

  private KeyedRow keyed(Notification n) {
    return new KeyedRow(
        n.idempotencyKey(),
        n.id().value(),
        new @Nullable Object[] {
          session.bind(n.id().value()),
          session.bind(n.organization().value()),
          n.idempotencyKey(),
          n.kind().name(),
          n.recipient() == null ? null : session.bind(n.recipient().value()),
          n.channel(),
          JsonText.object(n.payload()),
          n.createdAt(),
          n.attempts(),
          n.nextAttemptAt(),
          n.lastError(),
          n.deliveredAt()
        });
  }

  @Override
  public List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
    return JpaSession.guard(
        "Notification",
        "claim at " + now,
        () -> {
          session.em().flush();
          List<OrgScopedId> keys = RowClaims.claimDue(session, now, limit);
          if (keys.isEmpty()) {
            return List.<Notification>of();
          }
          Set<OrgScopedId> wanted = new HashSet<>(keys);
          // why the filter: ids are unique per organization only, so an id may also be another
          // leased organization's message, which this claim did not lease. The organizations in
          // the filter keep the load on their shards once the tables are distributed by org_id.
          List<NotificationEntity> claimed =
              session
                  .em()
                  .createQuery(
                      "select n from TpNotification n where n.orgId in :orgs and n.id in :ids"
                          + " order by n.createdAt, n.id",
                      NotificationEntity.class)
                  .setParameter("orgs", keys.stream().map(k -> k.orgId).distinct().toList())
                  .setParameter("ids", keys.stream().map(k -> k.id).distinct().toList())
                  .getResultList()
                  .stream()
                  .filter(n -> wanted.contains(new OrgScopedId(n.orgId, n.id)))
                  .toList();
          claimed.forEach(n -> n.nextAttemptAt = leaseUntil);
          session.em().flush();
          return claimed.stream().map(RecordMapper::notification).toList();
        });
  }

  @Override
  public long countPending() {
    return session
        .em()
        .createQuery(
            "select count(n) from TpNotification n where n.deliveredAt is null", Long.class)
        .getSingleResult();
  }

  @Override
  public void update(Notification notification) {
    NotificationEntity e =
        session.existing(
            NotificationEntity.class,
            notification.id(),
            notification.organization(),
            x -> x.orgId,
            "Notification");
    RecordMapper.apply(notification, e);
    session.flush("Notification", notification.id());
  }

  @Override
  public List<Notification> between(Id<Organization> organization, Instant from, Instant to) {
    return session
        .em()
        .createQuery(
            "select n from TpNotification n where n.orgId = :org and n.createdAt >= :from"
                + " and n.createdAt < :to order by n.createdAt, n.id",
            NotificationEntity.class)
        .setParameter("org", organization.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::notification))
        .toList();
  }

  @Override
  public void delete(Id<Organization> organization, Id<Notification> id) {
    session.delete(NotificationEntity.class, id, organization, e -> e.orgId, "Notification");
  }
}
