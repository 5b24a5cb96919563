package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How the in-memory store reads and sets the optimistic-lock version of one kind of record, so that
 * the check every versioned update makes (the row exists in the caller's organization, and has not
 * changed since the caller read it) is written once. Immutable; thread-safe.
 *
 * @param entity the record's name in a {@link ConflictException}
 * @param idOf a row's id
 * @param orgOf a row's organization
 * @param versionOf a row's version
 * @param withVersion a row with another version
 * @param <T> the record
 */
record Versioned<T>(
    String entity,
    Function<T, Id<T>> idOf,
    Function<T, Id<Organization>> orgOf,
    ToLongFunction<T> versionOf,
    BiFunction<T, Long, T> withVersion) {

  /** A new row as stored: version 0. */
  T initial(T row) {
    return withVersion.apply(row, 0L);
  }

  /**
   * Stores a changed row when the caller's version is the stored one, under the next version.
   *
   * @return the row as stored
   * @throws ConflictException when the row does not exist in its organization or changed since read
   */
  T update(MemoryTables tables, Map<Id<T>, T> table, T row) {
    Id<T> id = idOf.apply(row);
    T current = MemoryTables.inOrg(table.get(id), orgOf.apply(row), orgOf);
    if (current == null) {
      throw new ConflictException(entity, id, "does not exist");
    }
    long next =
        MemoryTables.checkVersion(
            entity, id, versionOf.applyAsLong(current), versionOf.applyAsLong(row));
    T stored = withVersion.apply(row, next);
    tables.put(table, id, stored);
    return stored;
  }
}
