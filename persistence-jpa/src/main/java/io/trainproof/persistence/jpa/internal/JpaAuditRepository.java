package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit chain in the JPA store: appends to one organization's chain queue on its row in {@code
 * tp_audit_head}. Not thread-safe: bound to one transaction.
 */
final class JpaAuditRepository implements AuditRepository {
  private static final String[] COLUMNS = {
    "id",
    "org_id",
    "seq_no",
    "occurred_at",
    "actor_id",
    "actor_role",
    "action",
    "subject_type",
    "subject_id",
    "details",
    "previous_hash",
    "hash",
    "tombstone"
  };

  private final JpaSession session;

  JpaAuditRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public Optional<AuditEntry> lockHead(Id<Organization> organization) {
    return JpaSession.guard(
        "AuditEntry",
        "head of " + organization,
        () -> {
          // why: a row of its own is the chain lock (tp_audit_head, which no foreign key
          // references, so child inserts never hold a share lock on it): appends to one chain
          // queue, other organizations' chains never wait (no table or global lock).
          RowClaims.lockRow(session, "tp_audit_head", "org_id", organization.value());
          return session
              .em()
              .createQuery(
                  "select a from TpAuditEntry a where a.orgId = :org order by a.sequence desc",
                  AuditEntryEntity.class)
              .setParameter("org", organization.value())
              .setMaxResults(1)
              .getResultStream()
              .findFirst()
              .map(RecordMapper::auditEntry);
        });
  }

  @Override
  public void append(AuditEntry entry) {
    String key = entry.organization() + "#" + entry.sequence();
    if (entity(entry.organization(), entry.sequence()).isPresent()) {
      throw new ConflictException("AuditEntry", key, "sequence already taken");
    }
    AuditEntryEntity e = new AuditEntryEntity(UUID.randomUUID());
    RecordMapper.apply(entry, e);
    session.persistAndFlush(e, "AuditEntry", key);
  }

  @Override
  public void appendAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String key =
        entries.get(0).organization()
            + "#"
            + entries.get(0).sequence()
            + ".."
            + entries.size()
            + " entries";
    Map<UUID, List<Long>> sequences = new LinkedHashMap<>();
    Set<String> given = new HashSet<>();
    List<@Nullable Object[]> rows = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      if (!given.add(entry.organization() + "#" + entry.sequence())) {
        throw new ConflictException(
            "AuditEntry", entry.organization() + "#" + entry.sequence(), "sequence given twice");
      }
      sequences
          .computeIfAbsent(entry.organization().value(), o -> new ArrayList<>())
          .add(entry.sequence());
      AuditEntryEntity e = new AuditEntryEntity(UUID.randomUUID());
      RecordMapper.apply(entry, e);
      rows.add(
          new @Nullable Object[] {
            session.bind(e.id),
            session.bind(e.orgId),
            e.sequence,
            e.at,
            e.actorId,
            e.actorRole,
            e.action,
            e.subjectType,
            e.subjectId,
            e.details,
            e.previousHash,
            e.hash,
            e.tombstone
          });
    }
    JpaSession.guard(
        "AuditEntry",
        key,
        () -> {
          session.em().flush();
          for (var group : sequences.entrySet()) {
            refuseTaken(group.getKey(), group.getValue());
          }
          session.sql().insertRows(session, "tp_audit_entry", COLUMNS, rows, "", false);
          return null;
        });
  }

  /** Throws if any of the sequences is taken in the organization's chain. */
  private void refuseTaken(UUID organization, List<Long> seqs) {
    if (consecutive(seqs)) {
      // why: one probe of the (org_id, seq_no) index for the whole range (an IN list of
      // hundreds of sequences cost a sixth of a second per call on PostgreSQL)
      refuseAny(
          organization,
          session
              .em()
              .createNativeQuery(
                  "SELECT seq_no FROM tp_audit_entry WHERE org_id = ?1"
                      + " AND seq_no >= ?2 AND seq_no <= ?3")
              .setParameter(1, session.bind(organization))
              .setParameter(2, seqs.get(0))
              .setParameter(3, seqs.get(seqs.size() - 1))
              .setMaxResults(1)
              .getResultList());
      return;
    }
    for (List<Long> chunk : JpaSession.chunks(seqs)) {
      refuseAny(
          organization,
          session
              .em()
              .createNativeQuery(
                  "SELECT seq_no FROM tp_audit_entry WHERE org_id = :org AND seq_no IN (:seqs)")
              .setParameter("org", session.bind(organization))
              .setParameter("seqs", chunk)
              .setMaxResults(1)
              .getResultList());
    }
  }

  private static void refuseAny(UUID organization, List<?> taken) {
    if (!taken.isEmpty()) {
      throw new ConflictException(
          "AuditEntry", organization + "#" + taken.get(0), "sequence already taken");
    }
  }

  private static boolean consecutive(List<Long> seqs) {
    for (int i = 1; i < seqs.size(); i++) {
      if (seqs.get(i) != seqs.get(i - 1) + 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void replaceWithTombstone(AuditEntry tombstone) {
    AuditEntryEntity e =
        entity(tombstone.organization(), tombstone.sequence())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "AuditEntry",
                        tombstone.organization() + "#" + tombstone.sequence(),
                        "does not exist"));
    RecordMapper.apply(tombstone, e);
    session.flush("AuditEntry", tombstone.organization() + "#" + tombstone.sequence());
  }

  private Optional<AuditEntryEntity> entity(Id<Organization> organization, long sequence) {
    return session
        .em()
        .createQuery(
            "select a from TpAuditEntry a where a.orgId = :org and a.sequence = :seq",
            AuditEntryEntity.class)
        .setParameter("org", organization.value())
        .setParameter("seq", sequence)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<AuditEntry> range(Id<Organization> organization, long fromSequence, long toSequence) {
    return session
        .em()
        .createQuery(
            "select a from TpAuditEntry a where a.orgId = :org and a.sequence >= :from"
                + " and a.sequence <= :to order by a.sequence",
            AuditEntryEntity.class)
        .setParameter("org", organization.value())
        .setParameter("from", fromSequence)
        .setParameter("to", toSequence)
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::auditEntry))
        .toList();
  }

  @Override
  public List<AuditEntry> latest(Id<Organization> organization, int count) {
    // why: newest first through the (org_id, seq_no) index, so the query reads count rows however
    // long the chain is; reversed into chain order here
    List<AuditEntry> newestFirst =
        session
            .em()
            .createQuery(
                "select a from TpAuditEntry a where a.orgId = :org order by a.sequence desc",
                AuditEntryEntity.class)
            .setParameter("org", organization.value())
            .setMaxResults(count)
            .getResultList()
            .stream()
            .map(session.detached(RecordMapper::auditEntry))
            .toList();
    List<AuditEntry> inOrder = new ArrayList<>(newestFirst);
    Collections.reverse(inOrder);
    return List.copyOf(inOrder);
  }

  @Override
  public List<AuditEntry> between(Id<Organization> organization, Instant from, Instant to) {
    return session
        .em()
        .createQuery(
            "select a from TpAuditEntry a where a.orgId = :org and a.at >= :from"
                + " and a.at < :to order by a.sequence",
            AuditEntryEntity.class)
        .setParameter("org", organization.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::auditEntry))
        .toList();
  }
}
