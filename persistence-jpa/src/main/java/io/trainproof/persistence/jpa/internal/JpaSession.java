package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the repositories of one transaction share: its entity manager, the SQL of its database, the
 * translation of failures into core's typed exceptions, writes flushed at once so a duplicate or a
 * lost update is reported by the call that caused it, and JDBC work on the transaction's own
 * connection. Not thread-safe: valid only inside its transaction, on its thread.
 */
final class JpaSession {
  /** Ids per IN list: well under every database's parameter limit. */
  static final int IN_LIST_CHUNK = 500;

  private final EntityManager em;
  private final DialectSql sql;

  JpaSession(EntityManager em, DialectSql sql) {
    this.em = em;
    this.sql = sql;
  }

  EntityManager em() {
    return em;
  }

  DialectSql sql() {
    return sql;
  }

  /** A UUID as a native query parameter of this database. */
  Object bind(UUID value) {
    return sql.bind(value);
  }

  /**
   * Maps an entity read by a query to its domain value and detaches it. why: every value this store
   * returns is an immutable domain record, and writes find their entity again by id, so a read
   * entity is never needed after mapping; left managed, each one is dirty-checked by every later
   * flush of the transaction (and Hibernate flushes before each query), which made a sweep batch of
   * 100 members cost the square of the entities it read (JFR: DirtyHelper, cascade and collection
   * checks under flush were most of a PostgreSQL sweep).
   */
  <E, T> Function<E, T> detached(Function<E, T> mapper) {
    return entity -> {
      T value = mapper.apply(entity);
      em.detach(entity);
      return value;
    };
  }

  /**
   * {@link EntityManager#find}, but never a silent null. Hibernate answers a find whose statement
   * failed with null once the failure has marked the transaction rollback-only (its HHH-12472
   * behaviour, logged as HHH90010102): the record would read as absent, the work would go on, and
   * the commit would be turned into a silent rollback. This throws instead.
   */
  <T> @Nullable T findEntity(Class<T> type, Object id) {
    T found = em.find(type, id);
    if (found == null && em.getTransaction().getRollbackOnly()) {
      throw new PersistenceException(
          "reading "
              + type.getSimpleName()
              + " "
              + id
              + " failed and the transaction is marked rollback-only (the provider logged the cause); nothing is committed");
    }
    return found;
  }

  /**
   * The entity with this id in the organization (still managed), found by its whole key {@code
   * (org_id, id)} (see {@link OrgScopedId}): a row of another organization is never read, even one
   * with the same id, since ids are unique per organization only.
   */
  <E> Optional<E> findInOrg(
      Class<E> type, UUID id, Id<Organization> organization, Function<E, UUID> orgOf) {
    E found = findEntity(type, new OrgScopedId(organization.value(), id));
    // why the check: the key already names the organization; this guards a mapping mistake
    return found != null && orgOf.apply(found).equals(organization.value())
        ? Optional.of(found)
        : Optional.empty();
  }

  /** Whether the organization has a row of this entity with this id (its key is taken). */
  boolean exists(Class<?> type, Id<Organization> organization, Id<?> id) {
    return findEntity(type, new OrgScopedId(organization.value(), id.value())) != null;
  }

  /**
   * The entity an update writes: it must exist in the organization and still have the version the
   * caller read (an optimistic check made here, so the conflict names the entity).
   */
  <E> E current(
      Class<E> type,
      Id<?> id,
      Id<Organization> organization,
      Function<E, UUID> orgOf,
      Function<E, Long> versionOf,
      long version,
      String entity) {
    E found = existing(type, id, organization, orgOf, entity);
    long stored = versionOf.apply(found);
    if (stored != version) {
      throw new ConflictException(
          entity,
          id,
          "was changed concurrently (stored version " + stored + ", given " + version + ")");
    }
    return found;
  }

  /** The entity an unversioned update writes: it must exist in the organization. */
  <E> E existing(
      Class<E> type,
      Id<?> id,
      Id<Organization> organization,
      Function<E, UUID> orgOf,
      String entity) {
    return findInOrg(type, id.value(), organization, orgOf)
        .orElseThrow(() -> new ConflictException(entity, id, "does not exist"));
  }

  /**
   * Inserts or updates a record that callers save whole (a hold, a reminder, a grant): created when
   * absent from the organization, then flushed. Keys are per organization, so a row of another
   * organization with the same id is a different record and is left alone.
   */
  <E> void save(
      Class<E> type,
      Id<?> id,
      Id<Organization> organization,
      Function<UUID, E> create,
      Function<E, UUID> orgOf,
      Consumer<E> apply,
      String entity) {
    Optional<E> stored = findInOrg(type, id.value(), organization, orgOf);
    if (stored.isPresent()) {
      apply.accept(stored.get());
    } else {
      E created = create.apply(id.value());
      apply.accept(created);
      em.persist(created);
    }
    flush(entity, id);
  }

  /** Deletes the entity if it exists in the organization; a missing one is no error. */
  <E> void delete(
      Class<E> type,
      Id<?> id,
      Id<Organization> organization,
      Function<E, UUID> orgOf,
      String entity) {
    findInOrg(type, id.value(), organization, orgOf)
        .ifPresent(
            found -> {
              em.remove(found);
              flush(entity, id);
            });
  }

  /** Runs store work, translating what the provider throws (see {@link Errors#translate}). */
  static <T> T guard(String entity, Object key, Supplier<T> body) {
    try {
      return body.get();
    } catch (PersistenceException e) {
      throw Errors.translate(e, entity, key);
    }
  }

  void persistAndFlush(Object entity, String name, Object key) {
    guard(
        name,
        key,
        () -> {
          em.persist(entity);
          em.flush();
          return null;
        });
  }

  void flush(String name, Object key) {
    guard(
        name,
        key,
        () -> {
          em.flush();
          return null;
        });
  }

  /** Whether a JPQL query that selects ids finds any. */
  static boolean any(TypedQuery<UUID> ids) {
    return !ids.getResultList().isEmpty();
  }

  /** A UUID as a native query returns it: the driver's UUID, 16 bytes, or text. */
  static UUID toUuid(Object value) {
    if (value instanceof UUID u) {
      return u;
    }
    if (value instanceof byte[] b && b.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(b);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(value.toString());
  }

  /** The values in IN-list sized pieces, in order (views of the list). */
  static <T> List<List<T>> chunks(List<T> values) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < values.size(); from += IN_LIST_CHUNK) {
      chunks.add(values.subList(from, Math.min(values.size(), from + IN_LIST_CHUNK)));
    }
    return chunks;
  }

  /**
   * Reads rows for many members with one query per IN list of ids and groups them by member,
   * keeping the query's order within each member; every member asked about is a key.
   */
  static <T> Map<Id<WorkforceMember>, List<T>> byMember(
      Collection<Id<WorkforceMember>> members,
      Function<List<UUID>, List<T>> query,
      Function<T, Id<WorkforceMember>> memberOf) {
    Map<Id<WorkforceMember>, List<T>> result = new LinkedHashMap<>();
    List<UUID> ids = new ArrayList<>(members.size());
    for (Id<WorkforceMember> member : members) {
      if (result.putIfAbsent(member, new ArrayList<>()) == null) {
        ids.add(member.value());
      }
    }
    for (List<UUID> chunk : chunks(ids)) {
      for (T row : query.apply(chunk)) {
        // why non-null: the query reads only the members put in the map above
        Objects.requireNonNull(result.get(memberOf.apply(row))).add(row);
      }
    }
    result.replaceAll((member, rows) -> List.copyOf(rows));
    return result;
  }

  /**
   * Groups items by organization, keeping the first of each key (the outcome of adding them one by
   * one, where a later item with a taken key is not added).
   */
  static <T> Map<UUID, Map<String, T>> firstPerKey(
      List<T> items, Function<T, UUID> organization, Function<T, String> key) {
    Map<UUID, Map<String, T>> result = new LinkedHashMap<>();
    for (T item : items) {
      result
          .computeIfAbsent(organization.apply(item), o -> new LinkedHashMap<>())
          .putIfAbsent(key.apply(item), item);
    }
    return result;
  }

  /**
   * Runs JDBC work on the transaction's connection (see {@link ConnectionAccess}): a failure of the
   * driver is thrown as a {@link PersistenceException}, as the provider throws its own (so {@link
   * #guard} translates it).
   */
  <T> T onConnection(String what, ConnectionAccess.Work<T> work) {
    return ConnectionAccess.call(em, what, work);
  }
}
