package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Id;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What every mapping between core's domain records and the JPA entities shares: ids, the id-order
 * key, and collections synchronized in place (append, replace changed elements, trim) so an update
 * writes only the rows that changed. The mappings themselves are by area: {@link MemberMapper},
 * {@link CatalogMapper}, {@link TrainingMapper}, {@link RecordMapper}. Stateless; thread-safe. Not
 * API.
 */
final class Mapper {
  private Mapper() {}

  // --- ids ---------------------------------------------------------------------------

  static <T> @Nullable UUID uuid(@Nullable Id<T> id) {
    return id == null ? null : id.value();
  }

  static <T> @Nullable Id<T> id(@Nullable UUID value) {
    return value == null ? null : new Id<>(value);
  }

  static <T> Id<T> idOf(UUID value) {
    return new Id<>(value);
  }

  /**
   * A text key that sorts, byte by byte, the way {@code Id.compareTo} (that is, {@link
   * UUID#compareTo}, which compares both halves as signed longs) orders ids; databases order UUIDs
   * as unsigned bytes, so keyset pages in id order use this key instead.
   */
  static String idOrder(UUID id) {
    return String.format(
        "%016x%016x",
        id.getMostSignificantBits() ^ Long.MIN_VALUE,
        id.getLeastSignificantBits() ^ Long.MIN_VALUE);
  }

  // --- collections -------------------------------------------------------------------

  /** Makes {@code target} equal to {@code source}, touching only the positions that differ. */
  static <T> void sync(List<T> target, List<T> source) {
    int common = Math.min(target.size(), source.size());
    for (int i = 0; i < common; i++) {
      if (!target.get(i).equals(source.get(i))) {
        target.set(i, source.get(i));
      }
    }
    while (target.size() > source.size()) {
      target.remove(target.size() - 1);
    }
    for (int i = common; i < source.size(); i++) {
      target.add(source.get(i));
    }
  }

  static <T> void syncSet(Set<T> target, Set<T> source) {
    target.retainAll(source);
    target.addAll(source);
  }

  static <A, B> Set<B> mapSet(Collection<A> values, Function<A, B> f) {
    Set<B> out = new HashSet<>();
    for (A a : values) {
      out.add(f.apply(a));
    }
    return out;
  }
}
