package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Completion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The portable bulk reads, through the provider's queries: many members' assignments and
 * completions, and key look-ups (PostgreSQL's run on the connection: {@link PostgreSqlReads}).
 * Stateless; thread-safe (each call works in the session it is given).
 */
final class ProviderReads {
  private ProviderReads() {}

  static List<Assignment> assignments(JpaSession session, UUID organization, List<UUID> members) {
    return session
        .em()
        .createQuery(
            "select a from TpAssignment a where a.orgId = :org and a.memberId in :members"
                + " order by a.assignedAt, a.id",
            AssignmentEntity.class)
        .setParameter("org", organization)
        .setParameter("members", members)
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::assignment))
        .toList();
  }

  static List<Completion> completions(JpaSession session, UUID organization, List<UUID> members) {
    return session
        .em()
        .createQuery(
            "select c from TpCompletion c where c.orgId = :org and c.memberId in :members"
                + " order by c.completedOn, c.recordedAt, c.id",
            CompletionEntity.class)
        .setParameter("org", organization)
        .setParameter("members", members)
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::completion))
        .toList();
  }

  /** Which of the keys a table holds in an organization (one query per IN list of keys). */
  static Set<String> keysIn(
      JpaSession session, String table, String keyColumn, UUID organization, List<String> keys) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : JpaSession.chunks(keys)) {
      for (Object key :
          session
              .em()
              .createNativeQuery(
                  "SELECT "
                      + keyColumn
                      + " FROM "
                      + table
                      + " WHERE org_id = :org AND "
                      + keyColumn
                      + " IN (:keys)")
              .setParameter("org", session.bind(organization))
              .setParameter("keys", chunk)
              .getResultList()) {
        found.add(String.valueOf(key));
      }
    }
    return found;
  }
}
